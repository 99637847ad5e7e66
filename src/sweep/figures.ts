import type { ScenarioInput } from '../engine/model';
import type { Report } from '../engine/metrics/report';
import { applyPatch } from '../lessons/patch';
import type { SweepValue } from './values';

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

/** The per-run measures of a sweep, taken from one run's report. */
export function figuresOf(report: Pick<Report, 'clients' | 'cost'>): RunFigures {
  const clients: Record<string, ClientFigures> = {};
  let answers = 0, failed = 0, throughput = 0;
  for (const [id, c] of Object.entries(report.clients)) {
    clients[id] = { p50: finite(c.latencyMs.p50), p99: finite(c.latencyMs.p99), errorRate: finite(c.errorRate), throughput: finite(c.throughput) };
    answers += c.ok + c.failed;
    failed += c.failed;
    throughput += c.throughput;
  }
  return { clients, errorRate: answers > 0 ? failed / answers : null, throughput: finite(throughput), cost: finite(report.cost.total) };
}

/** A run that did not finish: no figures, and why. */
export const failedRun = (e: unknown): RunFigures => ({ clients: {}, errorRate: null, throughput: null, cost: null, error: (e as Error)?.message ?? String(e) });
