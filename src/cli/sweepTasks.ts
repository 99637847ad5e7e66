import type { ScenarioInput } from '../engine/model';
import { failedRun, figuresOf, withValue, type RunFigures } from '../sweep/figures';
import type { SweepValue } from '../sweep/values';
import { runScenarioFile } from './runScenario';

export { withValue, type RunFigures };

/**
 * One run of a sweep: the scenario with one field set to one value, under one seed. Done in
 * the main thread or in a worker thread of the pool, which loads the sweep's bundle by this URL.
 */
export const SWEEP_TASKS_URL = import.meta.url;

export interface SweepTask {
  file: string;
  /** The scenario file's text (every task of a sweep carries the same). */
  text: string;
  /** JSON pointer of the varied field. */
  pointer: string;
  value: SweepValue;
  seed: number;
  durationMs?: number;
}

let parsed: { text: string; scenario: ScenarioInput } | null = null;

export function sweepTask(t: SweepTask): RunFigures {
  if (parsed?.text !== t.text) parsed = { text: t.text, scenario: JSON.parse(t.text) as ScenarioInput };
  const text = JSON.stringify(withValue(parsed.scenario, t.pointer, t.value));
  try {
    const { report } = runScenarioFile({ file: t.file, json: false, seed: t.seed, durationMs: t.durationMs }, () => text);
    return figuresOf(report);
  } catch (e) {
    return failedRun(e);
  }
}
