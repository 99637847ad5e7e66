/**
 * Compare mode's panel, in the dashboard's place: what A and B are and how to leave, the
 * student's hypothesis, A and B on the same charts, and the table of differences, for the
 * live run (one seed) or over several seeds.
 */
import '../../styles/compare.css';
import { useId, useMemo } from 'react';
import { diffRows } from '../../compare/diff';
import { useStore } from '../../store';
import type { AppState } from '../../store/types';
import { useBadgeFeed } from './CompareBadges';
import { CompareCharts } from './CompareCharts';
import { compareHooks } from '../../store/compareData';
import { cancelSeeds, clearSeeds, runSeeds, setHypothesis } from './compareActions';
import { useCompare } from '../../store/compareData';
import { DiffTable } from './DiffTable';
import { useReplay } from '../../store/replay/replayController';
import { ResultLine } from './ResultLine';

const selectScenario = (s: AppState) => s.scenario;
const selectTime = (s: AppState) => s.run.simTimeMs;

function Hypothesis() {
  const id = useId();
  const text = useCompare((s) => s.hypothesis);
  return (
    <div className="mc-compare__hypothesis">
      <label htmlFor={id}>Your hypothesis: before you press Play, what do you expect B to change, and why?</label>
      <textarea id={id} rows={2} value={text} placeholder="e.g. with a circuit breaker, B fails fast: p99 drops, errors stay about the same"
        onChange={(e) => setHypothesis(e.target.value)} />
    </div>
  );
}

function SeedsControls() {
  const multi = useCompare((s) => s.multi);
  const scenario = useStore(selectScenario);
  const id = useId();
  const runs = multi.seeds * 2;
  const outOfDate = multi.result !== null && multi.b !== null && multi.b !== scenario;
  return (
    <div className="mc-compare__seeds">
      <label htmlFor={id}>Seeds</label>
      <input id={id} type="number" min={2} max={50} value={multi.seeds} disabled={multi.status === 'running'}
        onChange={(e) => useCompare.setState((s) => ({ multi: { ...s.multi, seeds: Math.max(2, Math.min(50, Math.round(Number(e.target.value) || 2))) } }))} />
      {multi.status === 'running'
        ? <>
          <progress max={runs} value={multi.runsDone} aria-label="Runs finished" />
          <span className="mc-muted" role="status">{multi.runsDone} of {runs} runs</span>
          <button type="button" className="mc-btn mc-btn--small" onClick={cancelSeeds}>Cancel</button>
        </>
        : <button type="button" className="mc-btn mc-btn--small" onClick={() => runSeeds(multi.seeds)}
          title="Run A and B to their end on this many seeds (the same seeds for both): each figure gets a mean and a 95 % interval, so you can tell a real difference from noise">
          Run {multi.seeds} seeds</button>}
      {multi.result && multi.status !== 'running' && <button type="button" className="mc-btn mc-btn--small" onClick={clearSeeds}>Back to the live run</button>}
      {multi.status === 'failed' && multi.message && <p className="mc-compare__problem" role="alert">Seeds not run: {multi.message}</p>}
      {outOfDate && <p className="mc-compare__problem">B changed since these seeds ran: run them again to include the change.</p>}
    </div>
  );
}

/** The live clock in the result's heading: its own component, so ten updates a second redraw only it. */
/** The live runs' time; while the timeline shows the past, the table still holds the figures so far. */
function LiveClock() {
  const now = useStore(selectTime);
  const viewingMs = useReplay((s) => s.viewingMs);
  const headMs = useReplay((s) => s.headMs);
  if (viewingMs === null) return <>{(now / 1000).toFixed(0)} s</>;
  return <>{(headMs / 1000).toFixed(0)} s <span className="mc-muted">(the charts show {(viewingMs / 1000).toFixed(0)} s)</span></>;
}

export function ComparePanel() {
  useBadgeFeed();
  const measures = useCompare((s) => s.measures);
  const result = useCompare((s) => s.multi.result);
  const hypothesis = useCompare((s) => s.hypothesis);
  const seeds = result ? result.seeds.length : 1;
  const rows = useMemo(() => (result ? diffRows(result.a.map((r) => r.measures), result.b.map((r) => r.measures))
    : measures ? diffRows([measures.a], [measures.b]) : []), [result, measures]);
  return (
    <div className="mc-dashboard mc-compare" data-testid="compare-panel">
      <p className="mc-compare__about">
        <strong>A</strong> (solid lines) is the scenario as it was when you began; <strong>B</strong> (dashed) is what you edit now:
        the canvas and the inspector change B. Both run on the same seed, at the same simulated time, with the same faults.
      </p>
      <div className="mc-group mc-compare__leave" role="group" aria-label="Leave Compare mode">
        <button type="button" className="mc-btn mc-btn--small" onClick={() => compareHooks.leave('a')} title="Leave Compare mode and go back to A (undo brings B back)">Keep A</button>
        <button type="button" className="mc-btn mc-btn--small" onClick={() => compareHooks.leave('b')} title="Leave Compare mode with B, the scenario on the canvas">Keep B</button>
      </div>
      <Hypothesis />
      <SeedsControls />
      <CompareCharts seeds={result !== null} />
      <section className="mc-compare__result" aria-label="Result">
        <h3>{result ? `Over ${seeds} seeds (${result.seeds[0]}–${result.seeds[seeds - 1]}), ${result.durationMs / 1000} s each` : <>Live run, one seed, at <LiveClock /></>}</h3>
        <div className="mc-compare__beside">
          {hypothesis.trim() && <blockquote className="mc-compare__expected"><span>You expected</span>{hypothesis}</blockquote>}
          <ResultLine rows={rows} seeds={seeds} />
        </div>
        {rows.length > 0 ? <div className="mc-compare__tablewrap"><DiffTable rows={rows} seeds={seeds} /></div> : <p className="mc-muted">The table of differences fills in as the runs play.</p>}
        {seeds === 1 && rows.length > 0 && <p className="mc-muted mc-compare__note">One seed cannot tell a real difference from chance (marked ?). Run several seeds for intervals.</p>}
      </section>
    </div>
  );
}
