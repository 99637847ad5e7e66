import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { step } from '../../src/engine/core/loop';
import { buildWorld } from '../../src/engine/runtime/build';
import { startWorld } from '../../src/engine/runtime/start';
import { createSimulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

/**
 * Common random numbers (docs/semantics.md "Time, randomness, determinism"): every client,
 * node and edge draws from streams of its own, so two variants of a scenario run on the same
 * seed draw the same numbers for everything they share. A change to one part then moves
 * nothing that does not depend on it, and a difference between the two runs is the change.
 */

type Json = Record<string, unknown>;
type Node = Json & { id: string };
type Edge = Json & { from: string; to: string };

const report = (scenario: Json): Report => {
  const sim = createSimulation(parseScenarioOrThrow(scenario));
  sim.runUntil(sim.durationMs);
  return sim.report();
};

/** The simulated times at which the client sent each of its requests. */
function sendTimes(scenario: Json, client: string): number[] {
  const s = parseScenarioOrThrow(scenario);
  const w = buildWorld(s, s.seed);
  startWorld(w, 0);
  const c = w.nodes.find((n) => n.id === client)!.client!;
  const times: number[] = [];
  let sent = 0;
  while (w.q.size > 0 && w.q.peekTime() <= s.durationMs) {
    step(w, w.dispatch);
    if (c.sent !== sent) {
      sent = c.sent;
      times.push(w.now);
    }
  }
  return times;
}

const scenario = (nodes: Node[], edges: Edge[], faults: Json[] = []): Json => ({
  version: 1, name: 'crn', seed: 7, durationMs: 20_000, nodes, edges, faults,
});

/** Everything a user sees of branch `p` (its client, nodes and edges) in a report, as text. */
function branchOf(r: Report, p: string): string {
  const pick = <T>(rec: Record<string, T>) => Object.fromEntries(Object.entries(rec).filter(([k]) => k.startsWith(p + '-')));
  return JSON.stringify({ clients: pick(r.clients), nodes: pick(r.nodes), edges: pick(r.edges) });
}

describe('an unrelated change leaves another client alone', () => {
  // x-users → a; y-users → b. Nothing of client x goes near b.
  const two = (bServiceMs: number): Json => scenario(
    [
      { id: 'x-users', kind: 'client', load: { rps: 300, arrival: 'poisson' } },
      { id: 'y-users', kind: 'client', load: { rps: 100, arrival: 'poisson' } },
      { id: 'x-a', kind: 'service', instances: 2, concurrency: 2, loadBalancer: 'random', serviceTimeMs: { dist: 'exponential', mean: 5 } },
      { id: 'y-b', kind: 'service', instances: 2, concurrency: 2, loadBalancer: 'random', serviceTimeMs: { dist: 'exponential', mean: bServiceMs } },
    ],
    [{ from: 'x-users', to: 'x-a' }, { from: 'y-users', to: 'y-b' }],
  );

  it("slowing b (8 → 9 ms) leaves client x's requests identical: the same count at the same moments", () => {
    const before = sendTimes(two(8), 'x-users'), after = sendTimes(two(9), 'x-users');
    expect(before.length).toBeGreaterThan(5000);
    expect(after).toEqual(before);
    const r8 = report(two(8)), r9 = report(two(9));
    expect(r9.clients['x-users'].sent).toBe(r8.clients['x-users'].sent);
    // And everything else about x: its latencies, its node.
    expect(branchOf(r9, 'x')).toBe(branchOf(r8, 'x'));
    // The change did change b.
    expect(branchOf(r9, 'y')).not.toBe(branchOf(r8, 'y'));
  });

  it("slowing b leaves even b's own client sending at the same moments (open-loop arrivals do not depend on the service)", () => {
    expect(sendTimes(two(9), 'y-users')).toEqual(sendTimes(two(8), 'y-users'));
  });

  it('adding a fault leaves every arrival where it was', () => {
    const withFault: Json = { ...two(8), faults: [{ kind: 'error', target: 'y-b', atMs: 5000, rate: 0.5 }, { kind: 'latency', target: 'x-a', atMs: 8000, addMs: { dist: 'exponential', mean: 3 } }] };
    expect(sendTimes(withFault, 'x-users')).toEqual(sendTimes(two(8), 'x-users'));
    expect(sendTimes(withFault, 'y-users')).toEqual(sendTimes(two(8), 'y-users'));
    const r = report(withFault);
    expect(r.clients['y-users'].failed).toBeGreaterThan(100);
  });

  it('live changes (a fault started, a service time set while running) move nothing unrelated either', () => {
    const live = (change: boolean): Report => {
      const sim = createSimulation(parseScenarioOrThrow(two(8)));
      sim.runUntil(5000);
      if (change) {
        sim.startFault({ kind: 'error', target: 'y-b', rate: 0.3 });
        sim.apply({ type: 'setServiceTime', node: 'y-b', serviceTimeMs: { dist: 'exponential', mean: 12 } });
      }
      sim.runUntil(sim.durationMs);
      return sim.report();
    };
    const r0 = live(false), r1 = live(true);
    expect(r1.clients['y-users'].failed).toBeGreaterThan(100);
    expect(r1.clients['y-users'].sent).toBe(r0.clients['y-users'].sent);
    expect(branchOf(r1, 'x')).toBe(branchOf(r0, 'x'));
  });

  it('streams follow ids, not positions: a node and client added before the others change nothing of theirs', () => {
    const base = two(8);
    const nodes = base.nodes as Node[], edges = base.edges as Edge[];
    const more = { ...base, nodes: [{ id: 'z-users', kind: 'client', load: { rps: 50 } }, { id: 'z-c', kind: 'service', serviceTimeMs: { dist: 'exponential', mean: 4 } }, ...nodes], edges: [{ from: 'z-users', to: 'z-c' }, ...edges] };
    const r0 = report(base), r1 = report(more);
    expect(branchOf(r1, 'x')).toBe(branchOf(r0, 'x'));
    expect(branchOf(r1, 'y')).toBe(branchOf(r0, 'y'));
  });
});

/**
 * One test per stream. Two branches, x and y, use the feature that draws from the stream
 * (each from streams of its own); the variant changes y so that y draws from its stream a
 * different number of times, or at other moments. Had the branches shared the stream, x's
 * draws would move; with a stream per element, everything about x stays byte-identical.
 */
interface StreamCase {
  stream: string;
  /** The nodes and edges of branch p, whose client is `${p}-users`. */
  branch(p: string, variant: boolean): { nodes: Node[]; edges: Edge[]; faults?: Json[] };
}

const users = (p: string, rps = 120): Node => ({ id: `${p}-users`, kind: 'client', load: { rps, arrival: 'poisson' } });
const svc = (id: string, more: Json = {}): Node => ({ id, kind: 'service', instances: 1, concurrency: 8, serviceTimeMs: 3, ...more });

const CASES: StreamCase[] = [
  {
    stream: "a client's arrivals (open loop)",
    branch: (p, v) => ({ nodes: [users(p, v ? 170 : 120), svc(`${p}-api`)], edges: [{ from: `${p}-users`, to: `${p}-api` }] }),
  },
  {
    stream: "a client's think times (closed loop)",
    branch: (p, v) => ({
      nodes: [{ id: `${p}-users`, kind: 'client', load: { users: 40, thinkTimeMs: { dist: 'exponential', mean: v ? 300 : 200 } } }, svc(`${p}-api`)],
      edges: [{ from: `${p}-users`, to: `${p}-api` }],
    }),
  },
  {
    stream: "a client's paths",
    branch: (p, v) => ({
      nodes: [
        { ...users(p, v ? 170 : 120), paths: [{ path: '/a', weight: 1 }, { path: '/b', weight: 2 }] },
        { id: `${p}-gw`, kind: 'gateway', concurrency: 64, serviceTimeMs: 1, routes: [{ prefix: '/a', to: `${p}-a` }, { prefix: '/b', to: `${p}-b` }] },
        svc(`${p}-a`, { serviceTimeMs: 2 }), svc(`${p}-b`, { serviceTimeMs: 6 }),
      ],
      edges: [{ from: `${p}-users`, to: `${p}-gw` }, { from: `${p}-gw`, to: `${p}-a` }, { from: `${p}-gw`, to: `${p}-b` }],
    }),
  },
  {
    stream: "a node's service times",
    branch: (p, v) => ({
      nodes: [users(p), svc(`${p}-api`, { concurrency: 2, serviceTimeMs: { dist: 'exponential', mean: v ? 9 : 8 } })],
      edges: [{ from: `${p}-users`, to: `${p}-api`, latencyMs: v ? 3 : 1 }],
    }),
  },
  {
    stream: "a node's balancer picks (random)",
    branch: (p, v) => ({
      nodes: [users(p), svc(`${p}-api`, { instances: 3, concurrency: 1, loadBalancer: 'random', serviceTimeMs: { dist: 'exponential', mean: 6 } })],
      edges: [{ from: `${p}-users`, to: `${p}-api`, latencyMs: v ? 3 : 1 }],
    }),
  },
  {
    stream: "a node's balancer picks (power of two choices)",
    branch: (p, v) => ({
      nodes: [users(p), svc(`${p}-api`, { instances: 4, concurrency: 1, loadBalancer: 'power-of-two-choices', serviceTimeMs: { dist: 'exponential', mean: 8 } })],
      edges: [{ from: `${p}-users`, to: `${p}-api`, latencyMs: v ? 3 : 1 }],
    }),
  },
  {
    stream: "a gateway's weighted route split",
    branch: (p, v) => ({
      nodes: [
        users(p),
        { id: `${p}-gw`, kind: 'gateway', concurrency: 64, serviceTimeMs: 1, routes: [{ prefix: '/', to: [{ service: `${p}-old`, weight: 3 }, { service: `${p}-new`, weight: 1 }] }] },
        svc(`${p}-old`, { serviceTimeMs: 4 }), svc(`${p}-new`, { serviceTimeMs: 2 }),
      ],
      edges: [{ from: `${p}-users`, to: `${p}-gw`, latencyMs: v ? 3 : 1 }, { from: `${p}-gw`, to: `${p}-old` }, { from: `${p}-gw`, to: `${p}-new` }],
    }),
  },
  {
    stream: "an edge's network latency",
    branch: (p, v) => ({
      nodes: [users(p), svc(`${p}-api`, { serviceTimeMs: v ? 5 : 3 })],
      edges: [{ from: `${p}-users`, to: `${p}-api`, latencyMs: { dist: 'exponential', mean: 2 } }],
    }),
  },
  {
    stream: "an edge's probability (whether the call is made)",
    branch: (p, v) => ({
      nodes: [users(p), svc(`${p}-api`, { concurrency: 64, serviceTimeMs: v ? 5 : 3 }), svc(`${p}-db`, { concurrency: 2, serviceTimeMs: { dist: 'exponential', mean: 6 } })],
      edges: [{ from: `${p}-users`, to: `${p}-api` }, { from: `${p}-api`, to: `${p}-db`, probability: 0.4 }],
    }),
  },
  {
    stream: "a node's faults (errors and added latency)",
    branch: (p, v) => ({
      nodes: [users(p), svc(`${p}-api`, { concurrency: 64 })],
      edges: [{ from: `${p}-users`, to: `${p}-api`, latencyMs: v ? 3 : 1 }],
      faults: [{ kind: 'error', target: `${p}-api`, rate: 0.2 }, { kind: 'latency', target: `${p}-api`, addMs: { dist: 'exponential', mean: 4 } }],
    }),
  },
  {
    stream: "an edge's faults (added latency)",
    branch: (p, v) => ({
      nodes: [users(p, v ? 170 : 120), svc(`${p}-api`)],
      edges: [{ from: `${p}-users`, to: `${p}-api` }],
      faults: [{ kind: 'latency', target: `${p}-users->${p}-api`, addMs: { dist: 'exponential', mean: 4 } }],
    }),
  },
  {
    stream: "a node's picks over a discovery cache's list (random)",
    branch: (p, v) => ({
      nodes: [
        users(p),
        svc(`${p}-api`, { instances: 3, concurrency: 1, loadBalancer: 'random', serviceTimeMs: { dist: 'exponential', mean: 6 } }),
        // One registry serves both branches; it lives in x's.
        ...(p === 'x' ? [{ id: 'x-registry', kind: 'registry' }] : []),
      ],
      edges: [{ from: `${p}-users`, to: `${p}-api`, latencyMs: v ? 3 : 1 }],
    }),
  },
  {
    stream: "a topic subscription's filter (the edge's probability)",
    branch: (p, v) => ({
      nodes: [users(p, v ? 170 : 120), { id: `${p}-topic`, kind: 'topic' }, svc(`${p}-a`), svc(`${p}-b`)],
      edges: [{ from: `${p}-users`, to: `${p}-topic` }, { from: `${p}-topic`, to: `${p}-a`, probability: 0.3 }, { from: `${p}-topic`, to: `${p}-b`, probability: 0.6 }],
    }),
  },
  {
    stream: "an edge's retry jitter",
    branch: (p, v) => ({
      nodes: [users(p), svc(`${p}-api`, { concurrency: 64 }), svc(`${p}-db`, { concurrency: 64, serviceTimeMs: v ? 5 : 2 })],
      edges: [{ from: `${p}-users`, to: `${p}-api` }, { from: `${p}-api`, to: `${p}-db`, retry: { maxAttempts: 4, backoffMs: 20, retryOn: ['error'] } }],
      faults: [{ kind: 'error', target: `${p}-db`, rate: 0.3 }],
    }),
  },
];

describe('a stream per element: changing branch y leaves branch x byte-identical', () => {
  const build = (c: StreamCase, variant: boolean): Json => {
    const x = c.branch('x', false), y = c.branch('y', variant);
    return scenario([...x.nodes, ...y.nodes], [...x.edges, ...y.edges], [...(x.faults ?? []), ...(y.faults ?? [])]);
  };

  it.each(CASES.map((c) => [c.stream, c] as const))('%s', (_name, c) => {
    const r0 = report(build(c, false)), r1 = report(build(c, true));
    expect(r0.clients['x-users'].sent).toBeGreaterThan(1000);
    // The variant did change y ...
    expect(branchOf(r1, 'y')).not.toBe(branchOf(r0, 'y'));
    // ... and nothing of x.
    expect(branchOf(r1, 'x')).toBe(branchOf(r0, 'x'));
  });
});
