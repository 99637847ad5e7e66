import { useEffect, useLayoutEffect } from 'react';
import { CHART_PANELS } from '../../engine/presentation/schema';
import { useStore } from '../../store';
import { Canvas } from '../canvas/Canvas';
import { CloseIcon } from '../common/icons';
import { Notice } from '../common/Notice';
import { PlayControls } from '../toolbar/PlayControls';
import { SimClock } from '../toolbar/SimClock';
import { SpeedPicker } from '../toolbar/SpeedPicker';
import { ChartPanels } from './ChartPanels';
import { openNotesWindow } from './channel';
import { currentScript, exitPresenter, nextBeat, previousBeat, startBeatClock, togglePanel } from './presenter';
import { usePresent } from './presentState';
import { clock, type ScriptBeat } from './script';
import { useNotesChannel } from './useNotesChannel';
import '../../styles/lessons.css';
import '../../styles/present.css';

const TYPING = 'input, textarea, select, [contenteditable="true"], [role="menu"]';

/** The arrow keys (and a clicker's Page keys) move through the script; Escape leaves. Space is the page's Play. */
function usePresenterKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.target instanceof Element && e.target.closest(TYPING)) return;
      const act = { ArrowRight: nextBeat, PageDown: nextBeat, ArrowLeft: previousBeat, PageUp: previousBeat, Escape: exitPresenter }[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}

function Caption({ beat }: { beat: ScriptBeat | null }) {
  if (!beat) return null;
  return (
    <div className="mc-caption" role="status" aria-live="polite" data-testid="beat-caption">
      {beat.atMs !== undefined && <span className="mc-caption__time">{clock(beat.atMs)}</span>}
      <span className="mc-caption__text">{beat.caption}</span>
    </div>
  );
}

function BeatControls({ count, shown }: { count: number; shown: number }) {
  if (count === 0) return <span className="mc-muted mc-present__hint">No script: Space plays and pauses</span>;
  return (
    <div className="mc-group" role="group" aria-label="Script">
      <button type="button" className="mc-btn" onClick={previousBeat} disabled={shown < 0} aria-label="Previous beat" title="Previous caption (Left arrow)">‹</button>
      <span className="mc-present__count" aria-label="Beat">{shown + 1} / {count}</span>
      <button type="button" className="mc-btn mc-btn--primary" onClick={nextBeat} disabled={shown >= count - 1} aria-label="Next beat" title="Next beat (Right arrow)">Next ›</button>
    </div>
  );
}

function ChartToggles() {
  const panels = usePresent((s) => s.panels);
  return (
    <div className="mc-group mc-speed" role="group" aria-label="Charts">
      {CHART_PANELS.map((p) => (
        <button key={p} type="button" className="mc-btn mc-btn--seg" aria-pressed={panels.includes(p)} onClick={() => togglePanel(p)} title={`Show the ${p} charts`}>{p}</button>
      ))}
    </div>
  );
}

/**
 * Presenter mode: the canvas and the charts picked fill the screen in large type, with no
 * palette or inspector; the script's captions show over the canvas, beat by beat.
 */
export function PresenterView() {
  const script = useStore((s) => currentScript(s));
  const cursor = usePresent((s) => s.cursor);
  const panels = usePresent((s) => s.panels);
  useEffect(() => startBeatClock(), []);
  useNotesChannel();
  usePresenterKeys();
  useLayoutEffect(() => {
    document.documentElement.dataset.present = 'on';
    return () => void delete document.documentElement.dataset.present;
  }, []);
  const shown = cursor.shown >= 0 ? script.beats[cursor.shown] ?? null : null;
  return (
    <div className="mc-present" data-testid="presenter">
      <header className="mc-present__bar" aria-label="Presenter controls">
        <h1 className="mc-present__title">{script.title}</h1>
        <PlayControls />
        <SpeedPicker />
        <SimClock />
        <BeatControls count={script.beats.length} shown={cursor.shown} />
        <span className="mc-spacer" />
        <ChartToggles />
        <button type="button" className="mc-btn" onClick={() => openNotesWindow()} title="The notes and the next beat, in a window of their own">Notes window</button>
        <button type="button" className="mc-btn" onClick={exitPresenter} aria-label="Leave presenter mode" title="Leave presenter mode (Escape)"><CloseIcon /></button>
      </header>
      <Notice />
      <div className="mc-present__stage" data-charts={panels.length > 0 ? 'on' : 'off'}>
        <div className="mc-present__canvas">
          <Canvas mode="present" />
          <Caption beat={shown} />
        </div>
        {panels.length > 0 && <aside className="mc-present__charts" aria-label="Charts"><ChartPanels panels={panels} /></aside>}
      </div>
    </div>
  );
}

export default PresenterView;
