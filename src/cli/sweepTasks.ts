import type { ScenarioInput } from '../engine/model';
import { applyPatch } from '../lessons/patch';
import { runScenarioFile } from './runScenario';
import type { SweepValue } from './sweepArgs';

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

/** A client's figures in one run; null where there was nothing to measure. */
export interface ClientFigures {
  p50: number | null;
  p99: number | null;
  errorRate: number | null;
  throughput: number | null;
}

/** What a sweep keeps of one run's report, or why the run did not finish. */
export interface RunFigures {
  clients: Record<string, ClientFigures>;
  /** Failed answers over all answers, all clients together. */
  errorRate: number | null;
  /** Answers per simulated second, all clients together. */
  throughput: number | null;
  /** cost.total: dollars the services cost over the run. */
  cost: number | null;
  error?: string;
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/** The scenario with the varied field set: the same function checks every value up front. */
export function withValue(scenario: ScenarioInput, pointer: string, value: SweepValue): ScenarioInput {
  return applyPatch(scenario, [{ op: 'add', path: pointer, value }]);
}

let parsed: { text: string; scenario: ScenarioInput } | null = null;

export function sweepTask(t: SweepTask): RunFigures {
  if (parsed?.text !== t.text) parsed = { text: t.text, scenario: JSON.parse(t.text) as ScenarioInput };
  const text = JSON.stringify(withValue(parsed.scenario, t.pointer, t.value));
  try {
    const { report } = runScenarioFile({ file: t.file, json: false, seed: t.seed, durationMs: t.durationMs }, () => text);
    const clients: Record<string, ClientFigures> = {};
    let answers = 0, failed = 0, throughput = 0;
    for (const [id, c] of Object.entries(report.clients)) {
      clients[id] = { p50: finite(c.latencyMs.p50), p99: finite(c.latencyMs.p99), errorRate: finite(c.errorRate), throughput: finite(c.throughput) };
      answers += c.ok + c.failed;
      failed += c.failed;
      throughput += c.throughput;
    }
    return { clients, errorRate: answers > 0 ? failed / answers : null, throughput: finite(throughput), cost: finite(report.cost.total) };
  } catch (e) {
    return { clients: {}, errorRate: null, throughput: null, cost: null, error: (e as Error)?.message ?? String(e) };
  }
}
