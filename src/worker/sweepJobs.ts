/**
 * A sweep in the page: every value under every seed, run after run in a worker of its own so
 * the live run and the page never wait for it. Plain module: the worker file only wires it to
 * postMessage; tests call it directly.
 */
import type { ScenarioInput } from '../engine/model';
import type { RunFigures } from '../sweep/figures';
import { checkSweep, measureRun, type SweepProblem } from '../sweep/plan';
import type { SweepValue } from '../sweep/values';

export interface SweepJob {
  scenario: ScenarioInput;
  /** The scenario dot path of the varied field (nodes.api.instances). */
  path: string;
  values: SweepValue[];
  seeds: number[];
  durationMs: number;
}

/**
 * First whether the sweep can run at all (every value checked before any run: the page need
 * not load the checks), then one message per finished run, in task order (value after value,
 * each under every seed).
 */
export type FromSweepWorker = { type: 'invalid'; problem: SweepProblem } | { type: 'run'; index: number; figures: RunFigures } | { type: 'done' };

export function runSweepJob(job: SweepJob, post: (msg: FromSweepWorker) => void): void {
  const checked = checkSweep(job.scenario, job.path, job.values);
  if (!checked.ok) return post({ type: 'invalid', problem: checked.problem });
  const { pointer } = checked;
  let index = 0;
  for (const value of job.values) {
    for (const seed of job.seeds) post({ type: 'run', index: index++, figures: measureRun(job.scenario, pointer, value, seed, job.durationMs) });
  }
  post({ type: 'done' });
}
