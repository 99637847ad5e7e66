/**
 * Entering and leaving Compare mode, and running both variants over several seeds. A is the
 * scenario as it was when the mode began; B is the scenario being edited (the canvas, the
 * inspector, undo), which the page runs as always; the engine worker runs A beside it.
 */
import { useStore } from '../../store';
import { useCompareMode } from '../../store/compareMode';
import { listenTwin, runningScenario, send } from '../../store/engineBridge';
import { reset } from '../../store/runActions';
import { replaceScenario } from '../../store/scenarioActions';
import type { Scenario } from '../../store/types';
import { togglePanel } from '../../store/uiActions';
import type { FromSeedsWorker, ToSeedsWorker } from '../../worker/compareSeeds.worker';
import type { FromWorker } from '../../worker/protocol';
import { seedsProblem } from '../../worker/seedRuns';
import { noSeeds, useCompare, type SeedsState } from './compareStore';

function onTwin(msg: Extract<FromWorker, { type: 'twin' }>): void {
  useCompare.setState((s) => ({
    aSnapshot: msg.snapshot ?? s.aSnapshot,
    aSeries: msg.window ?? s.aSeries,
    measures: msg.measures ?? s.measures,
  }));
}

/** The scenario B runs: the one being edited, or while an edit is held back, the last that could run. */
const bScenario = (): Scenario => runningScenario() ?? useStore.getState().scenario;

/** Starts Compare mode: A is a copy of the scenario now; both start over at 0 on the same seed. */
export function enterCompare(): void {
  const a = bScenario();
  cancelSeeds();
  useCompare.setState({ a, aSnapshot: null, aSeries: null, measures: null, multi: noSeeds() });
  listenTwin(onTwin);
  send({ type: 'setTwin', scenario: a });
  useCompareMode.setState({ on: true });
  if (useStore.getState().ui.collapsed.dashboard) togglePanel('dashboard');
  reset();
}

/**
 * Leaves Compare mode keeping one variant: B goes on as it is (A stops beside it); keeping
 * A makes it the scenario again, an edit that undo can take back.
 */
export function leaveCompare(keep: 'a' | 'b'): void {
  const a = useCompare.getState().a;
  cancelSeeds();
  send({ type: 'setTwin', scenario: null });
  listenTwin(null);
  useCompareMode.setState({ on: false });
  useCompare.setState({ a: null, aSnapshot: null, aSeries: null, measures: null, multi: noSeeds() });
  if (keep === 'a' && a && a !== useStore.getState().scenario) replaceScenario(a);
}

export function setHypothesis(text: string): void {
  useCompare.setState({ hypothesis: text });
}

let worker: Worker | null = null;

const setMulti = (p: Partial<SeedsState>) => useCompare.setState((s) => ({ multi: { ...s.multi, ...p } }));

/** Runs A and B to their end on `n` seeds in a worker of their own (the live run goes on). */
export function runSeeds(n: number): void {
  const a = useCompare.getState().a;
  if (!a) return;
  const b = bScenario();
  cancelSeeds();
  const problem = seedsProblem(a, b, n);
  if (problem) return setMulti({ status: 'failed', seeds: n, message: problem, result: null });
  setMulti({ status: 'running', seeds: n, runsDone: 0, message: null, b: useStore.getState().scenario });
  const w = new Worker(new URL('../../worker/compareSeeds.worker.ts', import.meta.url), { type: 'module', name: 'microcosm-seeds' });
  worker = w;
  w.onmessage = (e: MessageEvent<FromSeedsWorker>) => {
    const m = e.data;
    if (m.type === 'progress') return setMulti({ runsDone: m.runsDone });
    if (m.type === 'done') setMulti({ status: 'done', result: m.result });
    else setMulti({ status: 'failed', message: m.message });
    w.terminate();
    if (worker === w) worker = null;
  };
  w.onerror = (e) => setMulti({ status: 'failed', message: e.message || 'the seeds could not be run' });
  const msg: ToSeedsWorker = { a, b, seeds: n };
  w.postMessage(msg);
}

export function cancelSeeds(): void {
  worker?.terminate();
  worker = null;
  if (useCompare.getState().multi.status === 'running') setMulti({ status: 'idle', runsDone: 0 });
}

/** Back to the live run's one seed in the charts and the table. */
export function clearSeeds(): void {
  cancelSeeds();
  setMulti({ status: 'idle', result: null, message: null, runsDone: 0, b: null });
}
