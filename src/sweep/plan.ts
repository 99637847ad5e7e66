import type { ScenarioInput } from '../engine/model';
import { createSimulation } from '../engine/simulation';
import { DEFAULT_MAX_EVENTS } from '../engine/runtime/world';
import { describeMissing, lookupScenario, toPointer } from '../lessons/paths';
import { PatchFailure } from '../lessons/patch';
import { estimateEvents } from '../scenario/estimate';
import { parseScenario } from '../scenario/parse';
import { failedRun, figuresOf, withValue, type RunFigures } from './figures';
import type { SweepValue } from './values';

/**
 * Why a sweep cannot run, found before any run: `at` says which part of the request is wrong
 * (the path, the path as a patch, or one value) so each caller can word it its own way.
 */
export type SweepProblem =
  | { at: 'path'; message: string }
  | { at: 'patch'; message: string }
  | { at: 'value'; value: SweepValue; message: string };

/**
 * Checks the whole sweep before running any of it: the path names one field of this scenario
 * and every value gives a valid scenario. The answer is the field's JSON pointer.
 */
export function checkSweep(input: ScenarioInput, path: string, values: readonly SweepValue[]): { ok: true; pointer: string } | { ok: false; problem: SweepProblem } {
  const found = lookupScenario(input, path, true);
  if (!found.ok) return { ok: false, problem: { at: 'path', message: describeMissing(path, found) } };
  if (found.value !== null && typeof found.value === 'object' && !('dist' in found.value)) {
    return { ok: false, problem: { at: 'path', message: `"${path}" is a group of settings, not one value; name a field inside it` } };
  }
  const pointer = toPointer(found.tokens);
  for (const value of values) {
    let result;
    try {
      result = parseScenario(withValue(input, pointer, value));
    } catch (e) {
      if (e instanceof PatchFailure) return { ok: false, problem: { at: 'patch', message: e.message } };
      throw e;
    }
    if (!result.ok) return { ok: false, problem: { at: 'value', value, message: `${result.problems[0].path}: ${result.problems[0].message}` } };
  }
  return { ok: true, pointer };
}

/**
 * One run of a sweep in this thread, as the page's sweep worker does it: the scenario with the
 * field set, under one seed, for durationMs of simulated time. A run that cannot finish gives
 * its reason instead of figures.
 */
export function measureRun(input: ScenarioInput, pointer: string, value: SweepValue, seed: number, durationMs: number): RunFigures {
  try {
    const parsed = parseScenario(withValue(input, pointer, value));
    if (!parsed.ok) return failedRun(`${parsed.problems[0].path}: ${parsed.problems[0].message}`);
    const scenario = { ...parsed.scenario, durationMs };
    if (scenario.warmupMs >= durationMs) return failedRun(`the warm-up (${scenario.warmupMs} ms) is not shorter than the run (${durationMs} ms)`);
    if (estimateEvents(scenario) > DEFAULT_MAX_EVENTS) return failedRun('this run needs more events than one run may take; shorten it or lower the load');
    const sim = createSimulation(scenario, { seed, warmupMs: scenario.warmupMs });
    sim.runUntil(durationMs);
    const stopped = sim.stoppedEarly();
    if (stopped) return failedRun(stopped);
    return figuresOf(sim.report());
  } catch (e) {
    return failedRun(e);
  }
}
