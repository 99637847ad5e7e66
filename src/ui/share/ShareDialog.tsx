import { useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { CHART_PANELS, type ChartPanel } from '../../engine/presentation/schema';
import { useStore } from '../../store';
import { shareHash } from '../../store/persistence';
import { CloseIcon } from '../common/icons';
import { useDialogFocus } from '../common/useDialogFocus';
import { copyText } from '../common/fileTransfer';
import { embedUrl, iframeSnippet, playgroundBase } from '../embed/embedLink';
import { closeShare, useShareDialog } from './shareDialogState';
import '../../styles/export.css';


/**
 * The Share dialog: the link to the scenario (already in the address bar and, where the page
 * may, on the clipboard), and the read-only embed for slides and course pages, as a link and
 * as an <iframe> snippet, with the charts and autoplay chosen here.
 */
export function ShareDialog() {
  const title = useId();
  const panel = useRef<HTMLDivElement>(null);
  const copied = useShareDialog((s) => s.copied);
  const scenario = useStore((s) => s.scenario);
  const [panels, setPanels] = useState<ChartPanel[]>(() => scenario.presentation?.panels ?? ['clients']);
  const [autoplay, setAutoplay] = useState(false);
  const [status, setStatus] = useState(copied ? 'The link is on the clipboard.' : '');
  const hash = useMemo(() => shareHash(scenario), [scenario]);
  const base = playgroundBase(location.href);
  const link = `${base}${hash}`;
  const embed = embedUrl(base, hash, { panels, autoplay });
  const snippet = iframeSnippet(embed, `${scenario.name} (microcosm)`);

  const onKeyDown = useDialogFocus(panel, 'button', closeShare);
  const copy = async (what: string, text: string) => setStatus((await copyText(text)) ? `Copied the ${what}.` : 'Copying is not allowed here: select the text and press Ctrl+C.');
  const toggle = (p: ChartPanel) => setPanels((ps) => (ps.includes(p) ? ps.filter((x) => x !== p) : [...ps, p]));

  return createPortal(
    <div className="mc-export-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeShare()}>
      <div ref={panel} className="mc-export mc-share" role="dialog" aria-modal="true" aria-labelledby={title} onKeyDown={onKeyDown}>
        <div className="mc-export__head">
          <h2 id={title}>Share</h2>
          <button type="button" className="mc-btn mc-btn--small" onClick={closeShare} aria-label="Close"><CloseIcon /></button>
        </div>
        <p className="mc-muted">The whole scenario is in the link ({hash.length} characters){scenario.presentation?.beats.length ? ', its presenter script too' : ''}: anyone who opens it gets an editable copy.</p>
        <div className="mc-share__row">
          <input className="mc-share__field" readOnly value={link} aria-label="Link" onFocus={(e) => e.target.select()} />
          <button type="button" className="mc-btn" onClick={() => void copy('link', link)}>Copy link</button>
        </div>
        <h3>Embed in a slide or a course page</h3>
        <p className="mc-muted">A read-only view: the canvas, the charts picked below, Play, Pause, Reset, the speed and "Open in microcosm".</p>
        <fieldset className="mc-share__options">
          <legend>Charts beside the canvas</legend>
          {CHART_PANELS.map((p) => (
            <label key={p}><input type="checkbox" checked={panels.includes(p)} onChange={() => toggle(p)} /> {p}</label>
          ))}
          <label className="mc-share__autoplay"><input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.target.checked)} /> start playing when shown</label>
        </fieldset>
        <div className="mc-share__row">
          <input className="mc-share__field" readOnly value={embed} aria-label="Embed link" onFocus={(e) => e.target.select()} />
          <button type="button" className="mc-btn" onClick={() => void copy('embed link', embed)}>Copy embed link</button>
        </div>
        <textarea className="mc-export__code mc-share__snippet" readOnly spellCheck={false} value={snippet} aria-label="iframe snippet" rows={3} />
        <div className="mc-export__foot">
          <span role="status" aria-live="polite" className="mc-export__status">{status}</span>
          <button type="button" className="mc-btn mc-btn--primary" onClick={() => void copy('iframe snippet', snippet)}>Copy snippet</button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

export default ShareDialog;
