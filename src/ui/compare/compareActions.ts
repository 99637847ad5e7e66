/**
 * Compare mode's panel actions: the hypothesis, and running both variants over several seeds
 * in a worker of their own (entering and leaving the mode are in store/compareMode.ts).
 */
import { useStore } from '../../store';
import { compareHooks } from '../../store/compareData';
import type { FromSeedsWorker, ToSeedsWorker } from '../../worker/compareSeeds.worker';
import { useCompare, type SeedsState } from '../../store/compareData';

export function setHypothesis(text: string): void {
  useCompare.setState({ hypothesis: text });
}

let worker: Worker | null = null;

const setMulti = (p: Partial<SeedsState>) => useCompare.setState((s) => ({ multi: { ...s.multi, ...p } }));

/** Runs A and B to their end on `n` seeds in a worker of their own (the live run goes on). */
export function runSeeds(n: number): void {
  const a = useCompare.getState().a;
  if (!a) return;
  const b = compareHooks.bScenario();
  if (!b) return;
  cancelSeeds();
  setMulti({ status: 'running', seeds: n, runsDone: 0, message: null, b: useStore.getState().scenario });
  const w = new Worker(new URL('../../worker/compareSeeds.worker.ts', import.meta.url), { type: 'module', name: 'microcosm-seeds' });
  worker = w;
  w.onmessage = (e: MessageEvent<FromSeedsWorker>) => {
    const m = e.data;
    if (m.type === 'progress') return setMulti({ runsDone: m.runsDone });
    if (m.type === 'refused') setMulti({ status: 'failed', message: m.message, result: null });
    if (m.type === 'done') setMulti({ status: 'done', result: m.result });
    else if (m.type === 'error') setMulti({ status: 'failed', message: m.message });
    w.terminate();
    if (worker === w) worker = null;
  };
  w.onerror = (e) => setMulti({ status: 'failed', message: e.message || 'the seeds could not be run' });
  const msg: ToSeedsWorker = { a, b, seeds: n };
  w.postMessage(msg);
}

compareHooks.stopSeeds = () => cancelSeeds();

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
