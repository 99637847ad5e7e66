import type { Report } from '../../src/engine/metrics/report';
import { createSimulation, type Simulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

/** Parses and runs a scenario to its end. */
export function runScenario(data: unknown): Report {
  const sim = createSimulation(parseScenarioOrThrow(data));
  sim.runUntil(sim.durationMs);
  return sim.report();
}

/** A simulation of `data`, not started. */
export function simulate(data: unknown): Simulation {
  return createSimulation(parseScenarioOrThrow(data));
}

/** Value of a node's series channel at the point that starts at `tMs`. */
export function seriesAt(r: Report, node: string, channel: 'replicas' | 'readyReplicas' | 'utilization', tMs: number): number {
  const i = r.series.tMs.indexOf(tMs);
  if (i < 0) throw new Error(`no series point at ${tMs} ms`);
  return r.series.nodes[node][channel][i];
}

/** The log entries of one kind. */
export function eventsOf(r: Report, kind: string): Report['events'] {
  return r.events.filter((e) => e.kind === kind);
}

/** One service behind one open-loop client, for the scaling tests. */
export function oneService(service: Record<string, unknown>, load: Record<string, unknown>, more: Record<string, unknown> = {}) {
  return {
    version: 1, name: 'scaling-test', seed: 1, durationMs: 60_000,
    nodes: [
      { id: 'users', kind: 'client', load },
      { id: 'api', kind: 'service', instances: 2, concurrency: 4, serviceTimeMs: { dist: 'exponential', mean: 20 }, ...service },
    ],
    edges: [{ from: 'users', to: 'api', latencyMs: 0 }],
    ...more,
  };
}
