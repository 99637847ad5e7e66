/**
 * Starts a sweep in a worker of its own; the answer is how to cancel it. A cancelled sweep's
 * worker is ended at once (a run in the middle of its loop cannot be asked to stop), so Cancel
 * never waits for the run under way. Behind a type so component tests can run sweeps themselves.
 */
import type { RunFigures } from '../sweep/figures';
import type { SweepProblem } from '../sweep/plan';
import type { FromSweepWorker, SweepJob } from './sweepJobs';

export interface SweepListener {
  /** The sweep cannot run (a value the scenario cannot take); nothing ran. */
  invalid(problem: SweepProblem): void;
  run(index: number, figures: RunFigures): void;
  done(): void;
  failed(message: string): void;
}

export type SweepRunner = (job: SweepJob, on: SweepListener) => () => void;

export const runSweepInWorker: SweepRunner = (job, on) => {
  const worker = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module', name: 'microcosm-sweep' });
  worker.onmessage = (e: MessageEvent<FromSweepWorker>) => {
    const msg = e.data;
    if (msg.type === 'run') return on.run(msg.index, msg.figures);
    if (msg.type === 'invalid') on.invalid(msg.problem);
    else on.done();
    worker.terminate();
  };
  worker.onerror = (e) => {
    on.failed(e.message || 'the sweep worker failed');
    worker.terminate();
  };
  worker.postMessage(job);
  return () => worker.terminate();
};
