import { useRef } from 'react';
import { MAX_SCENARIO_BYTES, parseScenarioText } from '../../scenario/parse';
import { useStore } from '../../store';
import { exportText, fileName, shareHash } from '../../store/persistence';
import { showNotice } from '../../store/uiActions';
import { command, tooltip } from '../commands';
import { ExportIcon, ImportIcon, LinkIcon, NewIcon } from '../common/icons';
import { openScenario } from '../persistence/openScenario';

const NEW = command('newScenario');

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no permission (or no clipboard): the link is still in the address bar
  }
}

export function FileButtons() {
  const input = useRef<HTMLInputElement>(null);

  const share = async () => {
    const hash = shareHash(useStore.getState().scenario);
    history.replaceState(null, '', hash);
    const copied = await copy(location.href);
    showNotice({ tone: 'info', title: copied ? 'Link copied' : 'Link ready in the address bar', lines: [`The whole scenario is in the link (${hash.length} characters); anyone who opens it gets this scenario.`] });
  };

  const exportFile = () => {
    const s = useStore.getState().scenario;
    const url = URL.createObjectURL(new Blob([exportText(s)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(s);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (input.current) input.current.value = '';
    if (file.size > MAX_SCENARIO_BYTES) {
      showNotice({ tone: 'error', title: `${file.name} was not loaded: the current scenario is unchanged`, lines: [`(file): is larger than ${MAX_SCENARIO_BYTES} bytes`] });
      return;
    }
    await openScenario(parseScenarioText(await file.text()), file.name);
  };

  return (
    <div className="mc-group" role="group" aria-label="Scenario file">
      <button type="button" className="mc-btn" onClick={NEW.perform} aria-label="New scenario" title={tooltip(NEW, 'Start an empty scenario (Undo brings this one back)')}><NewIcon /><span className="mc-btn__text">New</span></button>
      <button type="button" className="mc-btn" onClick={() => void share()} aria-label="Share link" title="Put the scenario in the page link"><LinkIcon /><span className="mc-btn__text">Share</span></button>
      <button type="button" className="mc-btn" onClick={() => input.current?.click()} aria-label="Import" title="Open a scenario JSON file"><ImportIcon /><span className="mc-btn__text">Import</span></button>
      <button type="button" className="mc-btn" onClick={exportFile} aria-label="Export" title="Save the scenario as a JSON file"><ExportIcon /><span className="mc-btn__text">Export</span></button>
      <input ref={input} type="file" accept="application/json,.json" hidden data-testid="import-input" onChange={(e) => void importFile(e.target.files?.[0])} />
    </div>
  );
}
