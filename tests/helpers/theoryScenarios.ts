/**
 * Scenario objects for the theory tests: a client feeding one service over a zero-latency
 * edge, or a chain of services. Objects are plain JSON and go through parseScenarioOrThrow
 * (see {@link runScenario} in ./theory), so they use the scenario file's own field names.
 */

/** A distribution as the scenario file spells it (ms). */
export type Dist = number | Record<string, unknown>;

export const exp = (mean: number): Dist => ({ dist: 'exponential', mean });

/** Large enough that no waiting room ever fills in an infinite-queue test. */
export const HUGE_QUEUE = 10_000_000;

export interface StationOptions {
  rps: number;
  arrival?: 'poisson' | 'constant';
  service: Dist;
  instances?: number;
  concurrency?: number;
  queueCapacity?: number;
  loadBalancer?: 'round-robin' | 'random' | 'least-outstanding' | 'power-of-two-choices';
  /** Extra client load fields (steps, ramp, ...). */
  load?: Record<string, unknown>;
}

/** users → api, zero network latency: the node "api" is the queue under test. */
export function station(o: StationOptions): Record<string, unknown> {
  return {
    version: 1,
    name: 'theory station',
    nodes: [
      { id: 'users', kind: 'client', load: { rps: o.rps, arrival: o.arrival ?? 'poisson', ...o.load } },
      {
        id: 'api',
        kind: 'service',
        instances: o.instances ?? 1,
        concurrency: o.concurrency ?? 1,
        queueCapacity: o.queueCapacity ?? HUGE_QUEUE,
        loadBalancer: o.loadBalancer ?? 'round-robin',
        serviceTimeMs: o.service,
      },
    ],
    edges: [{ from: 'users', to: 'api', latencyMs: 0 }],
  };
}

export interface ChainNode {
  id: string;
  service: Dist;
  instances?: number;
  concurrency?: number;
  /** Probability that the previous node calls this one (default 1). */
  probability?: number;
}

/** users → chain[0] → chain[1] → …: each service calls the next after its own work. */
export function chain(rps: number, nodes: ChainNode[]): Record<string, unknown> {
  const ids = ['users', ...nodes.map((n) => n.id)];
  return {
    version: 1,
    name: 'theory chain',
    nodes: [
      { id: 'users', kind: 'client', load: { rps, arrival: 'poisson' } },
      ...nodes.map((n) => ({
        id: n.id,
        kind: 'service',
        instances: n.instances ?? 1,
        concurrency: n.concurrency ?? 1,
        queueCapacity: HUGE_QUEUE,
        serviceTimeMs: n.service,
      })),
    ],
    edges: nodes.map((n, i) => ({ from: ids[i], to: n.id, latencyMs: 0, probability: n.probability ?? 1 })),
  };
}
