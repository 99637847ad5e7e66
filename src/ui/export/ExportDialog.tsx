import { useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { EXPORT_TARGETS, exportScenario, TARGET_TITLES, type ExportFile, type ExportTarget } from '../../export';
import { parseScenario } from '../../scenario/parse';
import { problemLine } from '../../scenario/problems';
import { useStore } from '../../store';
import { CloseIcon } from '../common/icons';
import { useDialogFocus } from '../common/useDialogFocus';
import { Tabs } from '../common/Tabs';
import { closeExport, openExport, useExportDialog } from './exportDialogState';
import '../../styles/export.css';
import { copyText, download } from '../common/fileTransfer';

const TABS = EXPORT_TARGETS.map((id) => ({ id, label: TARGET_TITLES[id] }));

/** The file of one target for the scenario being edited, or why there is none. */
function useExportedFile(target: ExportTarget): { file: ExportFile } | { problems: string[] } {
  const scenario = useStore((s) => s.scenario);
  return useMemo(() => {
    const parsed = parseScenario(scenario);
    if (!parsed.ok) return { problems: parsed.problems.map(problemLine) };
    return { file: exportScenario(parsed.scenario, target) };
  }, [scenario, target]);
}


/**
 * The deployment files of the scenario being edited: a tab per target, the text read-only,
 * Copy and Download. A modal dialog: focus stays inside, Escape closes it and focus returns
 * to where it was.
 */
export function ExportDialog() {
  const target = useExportDialog((s) => s.target);
  if (!target) return null;
  return <OpenDialog target={target} />;
}

function OpenDialog({ target }: { target: ExportTarget }) {
  const title = useId();
  const about = useId();
  const panel = useRef<HTMLDivElement>(null);
  const result = useExportedFile(target);
  const [status, setStatus] = useState('');

  const onKeyDown = useDialogFocus(panel, '[role="tab"][aria-selected="true"]', closeExport);

  const copy = async (file: ExportFile) => {
    setStatus((await copyText(file.text)) ? `Copied ${file.fileName}.` : 'Copying is not allowed here: select the text and press Ctrl+C.');
  };

  const file = 'file' in result ? result.file : null;
  // On the body, not inside the toolbar that opened it: a modal is no part of the banner.
  return createPortal(
    <div className="mc-export-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeExport()}>
      <div ref={panel} className="mc-export" role="dialog" aria-modal="true" aria-labelledby={title} aria-describedby={about} onKeyDown={onKeyDown}>
        <div className="mc-export__head">
          <h2 id={title}>Deployment files</h2>
          <button type="button" className="mc-btn mc-btn--small" onClick={closeExport} aria-label="Close"><CloseIcon /></button>
        </div>
        <p id={about} className="mc-muted">
          What a team would write to run this system: images, replicas, sizes, health checks, autoscaling, routes and call policies.
          What no file has a field for is written as a comment beside the nearest resource.
        </p>
        <Tabs tabs={TABS} active={target} onChange={(t) => { setStatus(''); openExport(t); }} label="Deployment target">
          {file ? (
            <textarea className="mc-export__code" readOnly spellCheck={false} wrap="off" value={file.text} aria-label={`${file.fileName} (read-only)`} />
          ) : (
            <div role="alert" className="mc-export__problems">
              <p>The scenario has problems to fix before it can be exported:</p>
              <ul>{'problems' in result && result.problems.map((p) => <li key={p}>{p}</li>)}</ul>
            </div>
          )}
        </Tabs>
        <div className="mc-export__foot">
          <span className="mc-muted">{file ? `${file.fileName}, ${file.text.split('\n').length - 1} lines` : ''}</span>
          <span role="status" aria-live="polite" className="mc-export__status">{status}</span>
          <button type="button" className="mc-btn" disabled={!file} onClick={() => file && void copy(file)}>Copy</button>
          <button type="button" className="mc-btn mc-btn--primary" disabled={!file} onClick={() => file && download(file.fileName, file.text, 'application/yaml')}>Download</button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
