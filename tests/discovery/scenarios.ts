/**
 * Scenarios for the discovery tests: users -> gateway -> catalog (3 instances), with or
 * without a registry. Plain scenario-file objects, parsed like any file.
 */
import type { Report } from '../../src/engine/metrics/report';

export interface DiscoveryOptions {
  registry?: boolean | Record<string, unknown>;
  healthCheck?: { periodMs: number; failureThreshold: number };
  /** Extra catalog fields (startupMs, loadBalancer...). */
  catalog?: Record<string, unknown>;
  /** Extra gateway->catalog edge fields (retry...). */
  edge?: Record<string, unknown>;
  faults?: Record<string, unknown>[];
  seed?: number;
  durationMs?: number;
  rps?: number;
}

export function discoveryScenario(o: DiscoveryOptions = {}): Record<string, unknown> {
  const registry = o.registry ?? true;
  return {
    version: 1,
    name: 'discovery test',
    seed: o.seed ?? 1,
    durationMs: o.durationMs ?? 200_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: o.rps ?? 60, arrival: 'poisson' } },
      { id: 'gateway', kind: 'gateway', instances: 1 },
      {
        id: 'catalog', kind: 'service', instances: 3, concurrency: 4, serviceTimeMs: { dist: 'exponential', mean: 20 },
        ...(o.healthCheck ? { healthCheck: o.healthCheck } : {}), ...o.catalog,
      },
      ...(registry ? [{ id: 'registry', kind: 'registry', ...(typeof registry === 'object' ? registry : {}) }] : []),
    ],
    edges: [
      { from: 'users', to: 'gateway' },
      { from: 'gateway', to: 'catalog', ...o.edge },
    ],
    faults: o.faults ?? [],
  };
}

/** Start times (ms) of the seconds in which the client saw `crashed` failures. */
export function crashedSeconds(r: Report, client = 'users'): number[] {
  const v = r.series.clients[client].failuresPerS.crashed;
  return r.series.tMs.filter((_, k) => v[k] > 0);
}

/** Crashed failures the client saw from `fromMs` on (per-second series, so whole seconds). */
export function crashedFrom(r: Report, fromMs: number, client = 'users'): number {
  const v = r.series.clients[client].failuresPerS.crashed;
  let sum = 0;
  r.series.tMs.forEach((t, k) => {
    if (t >= fromMs) sum += v[k];
  });
  return sum;
}

export function eventsOf(r: Report, kind: string) {
  return r.events.filter((e) => e.kind === kind);
}
