/**
 * Small saga scenarios for the tests: users → saga → one service per step and per
 * compensation, each a plain service with its own id (s1, s2, … for steps, c1, c2, … for
 * their compensations), so that per-node arrivals show which ran.
 */
import type { Report } from '../../src/engine/metrics/report';
import { createSimulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

export interface SagaOptions {
  rps?: number;
  durationMs?: number;
  warmupMs?: number;
  seed?: number;
  steps?: number;
  /** Step indexes (from 0) without a compensation. */
  noCompensation?: number[];
  maxCompensationAttempts?: number;
  compensationBackoffMs?: number;
  pivot?: number;
  /** Service time (ms) per node id, default 5 ms constant. */
  serviceMs?: Record<string, unknown>;
  faults?: Record<string, unknown>[];
  tracing?: number;
  /** Extra fields of the users → saga edge (a timeout, say). */
  callerEdge?: Record<string, unknown>;
}

export function sagaScenario(o: SagaOptions = {}): Record<string, unknown> {
  const n = o.steps ?? 3;
  const ids = Array.from({ length: n }, (_, k) => k + 1);
  const comp = ids.filter((k) => !(o.noCompensation ?? []).includes(k - 1));
  const service = (id: string) => ({ id, kind: 'service', instances: 1, concurrency: 64, serviceTimeMs: o.serviceMs?.[id] ?? 5 });
  return {
    version: 1,
    name: 'saga test',
    seed: o.seed ?? 1,
    durationMs: o.durationMs ?? 60_000,
    warmupMs: o.warmupMs ?? 0,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: o.rps ?? 20, arrival: 'poisson' } },
      {
        id: 'saga', kind: 'saga',
        steps: ids.map((k) => (comp.includes(k) ? { call: `s${k}`, compensate: `c${k}` } : { call: `s${k}` })),
        ...(o.maxCompensationAttempts !== undefined ? { maxCompensationAttempts: o.maxCompensationAttempts } : {}),
        ...(o.compensationBackoffMs !== undefined ? { compensationBackoffMs: o.compensationBackoffMs } : {}),
        ...(o.pivot !== undefined ? { pivot: o.pivot } : {}),
      },
      ...ids.map((k) => service(`s${k}`)),
      ...comp.map((k) => service(`c${k}`)),
    ],
    edges: [
      { from: 'users', to: 'saga', ...o.callerEdge },
      ...ids.map((k) => ({ from: 'saga', to: `s${k}` })),
      ...comp.map((k) => ({ from: 'saga', to: `c${k}` })),
    ],
    faults: o.faults ?? [],
    ...(o.tracing !== undefined ? { tracing: { sampleRate: o.tracing } } : {}),
  };
}

/** The saga node's part of the report. */
export interface SagaReport {
  arrivals: number;
  started: number;
  completed: number;
  compensated: number;
  uncompensated: number;
  stuck: number;
  inFlight: number;
  failed: number;
  failedSteps: Record<string, number>;
  stuckAt: Record<string, number>;
  compensationAttempts: number;
  compensationFailures: number;
  stepRetries: number;
  meanResponseMs: number;
}

export function run(scenario: Record<string, unknown>, untilMs?: number): { report: Report; saga: SagaReport } {
  const sim = createSimulation(parseScenarioOrThrow(scenario));
  sim.runUntil(untilMs ?? sim.durationMs);
  const report = sim.report();
  return { report, saga: report.nodes.saga as unknown as SagaReport };
}

/** started = completed + compensated + uncompensated + stuck + in flight. */
export function balance(s: SagaReport): number {
  return s.started - (s.completed + s.compensated + s.uncompensated + s.stuck + s.inFlight);
}
