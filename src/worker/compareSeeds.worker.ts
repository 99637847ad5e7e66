import type { Scenario } from '../engine/model';
import { runSeeds, seedsProblem, type SeedsResult } from './seedRuns';

export type ToSeedsWorker = { a: Scenario; b: Scenario; seeds: number };
export type FromSeedsWorker =
  | { type: 'progress'; runsDone: number }
  | { type: 'done'; result: SeedsResult }
  | { type: 'error'; message: string }
  /** Too much work for the page (or too few seeds): nothing was run. */
  | { type: 'refused'; message: string };

// As in engine.worker.ts: the worker's global described by the little of it used here.
const scope = self as unknown as { postMessage(msg: FromSeedsWorker): void; onmessage: ((e: MessageEvent<ToSeedsWorker>) => void) | null };

scope.onmessage = (e) => {
  const { a, b, seeds } = e.data;
  const problem = seedsProblem(a, b, seeds);
  if (problem) return scope.postMessage({ type: 'refused', message: problem });
  try {
    const result = runSeeds(a, b, seeds, (runsDone) => scope.postMessage({ type: 'progress', runsDone }));
    scope.postMessage({ type: 'done', result });
  } catch (err) {
    scope.postMessage({ type: 'error', message: (err as Error).message });
  }
};
