import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense } from 'react';
import type { ChartPanel } from '../../engine/presentation/schema';
import { useStore } from '../../store';
import { reset, togglePlay } from '../../store/runActions';
import { selectRunning } from '../../store/selectors';
import { Canvas } from '../canvas/Canvas';
import { PauseIcon, PlayIcon, ResetIcon } from '../common/icons';
import { Notice } from '../common/Notice';
import { SimClock } from '../toolbar/SimClock';
import { SpeedPicker } from '../toolbar/SpeedPicker';

const ChartPanels = lazy(() => import('../present/ChartPanels'));

function RunButtons() {
  const running = useStore(selectRunning);
  const word = running ? 'Pause' : 'Play';
  return (
    <div className="mc-group" role="group" aria-label="Run">
      <button type="button" className="mc-btn mc-btn--primary" onClick={togglePlay} aria-label={word}>
        {running ? <PauseIcon /> : <PlayIcon />}<span className="mc-btn__text">{word}</span>
      </button>
      <button type="button" className="mc-btn" onClick={() => reset(false)} aria-label="Reset" title="Back to time 0"><ResetIcon /></button>
    </div>
  );
}

/**
 * The read-only view for slides and course pages: the canvas, the charts the link names, the
 * run's controls, and a way into the full playground with an editable copy.
 */
export function EmbedView({ panels, openHref }: { panels: readonly ChartPanel[]; openHref: string }) {
  const name = useStore((s) => s.scenario.name);
  return (
    <ReactFlowProvider>
      <div className="mc-embed" data-testid="embed">
        <header className="mc-embed__bar" aria-label="Run controls">
          <h1 className="mc-embed__title" title={name}>{name}</h1>
          <RunButtons />
          <SpeedPicker />
          <SimClock />
          <span className="mc-spacer" />
          <a className="mc-btn" href={openHref} target="_blank" rel="noopener">Open in microcosm</a>
        </header>
        <Notice />
        <div className="mc-embed__stage" data-charts={panels.length > 0 ? 'on' : 'off'}>
          <Canvas mode="view" />
          {panels.length > 0 && (
            <aside className="mc-embed__charts" aria-label="Charts">
              <Suspense fallback={<p className="mc-muted" role="status">Loading the charts…</p>}>
                <ChartPanels panels={panels} />
              </Suspense>
            </aside>
          )}
        </div>
      </div>
    </ReactFlowProvider>
  );
}
