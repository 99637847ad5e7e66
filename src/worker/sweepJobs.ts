/**
 * A sweep in the page: every value under every seed, run after run in a worker of its own so
 * the live run and the page never wait for it. Plain module: the worker file only wires it to
 * postMessage; tests call it directly.
 */
import type { ScenarioInput } from '../engine/model';
import type { RunFigures } from '../sweep/figures';
import { measureRun } from '../sweep/plan';
import type { SweepValue } from '../sweep/values';

export interface SweepJob {
  scenario: ScenarioInput;
  /** JSON pointer of the varied field (checked beforehand by checkSweep). */
  pointer: string;
  values: SweepValue[];
  seeds: number[];
  durationMs: number;
}

/** One message per finished run, in task order (value after value, each under every seed). */
export type FromSweepWorker = { type: 'run'; index: number; figures: RunFigures } | { type: 'done' };

export function runSweepJob(job: SweepJob, post: (msg: FromSweepWorker) => void): void {
  let index = 0;
  for (const value of job.values) {
    for (const seed of job.seeds) post({ type: 'run', index: index++, figures: measureRun(job.scenario, job.pointer, value, seed, job.durationMs) });
  }
  post({ type: 'done' });
}
