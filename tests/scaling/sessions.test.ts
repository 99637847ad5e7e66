import { describe, expect, it } from 'vitest';
import { eventsOf, runScenario } from './helpers';

/**
 * Sessions: sticky ones live in one instance's memory and die with it; a session store keeps
 * them safe at the price of one more call per request (the guide's "session handling" row).
 */

function cart(sessions: Record<string, unknown>, load: Record<string, unknown>, more: Record<string, unknown> = {}) {
  return {
    version: 1, name: 'sessions', seed: 4, durationMs: 60_000,
    nodes: [
      { id: 'users', kind: 'client', load },
      { id: 'cart', kind: 'service', instances: 3, concurrency: 4, serviceTimeMs: { dist: 'exponential', mean: 10 }, ...sessions },
      { id: 'redis', kind: 'database', connections: 20, queryTimeMs: 1 },
    ],
    edges: [{ from: 'users', to: 'cart' }, ...(sessions.sessions === 'store' ? [{ from: 'cart', to: 'redis' }] : [])],
    faults: [{ kind: 'kill-instance', target: 'cart', instance: 1, atMs: 30_000, durationMs: 10_000 }],
    ...more,
  };
}

const CLOSED = { users: 300, thinkTimeMs: { dist: 'exponential', mean: 500 } };

describe('sticky sessions', () => {
  it.each([1, 2, 3])('seed %i: a crash loses the sessions of the users pinned to that instance (about 1/3 of 300)', (seed) => {
    const r = runScenario(cart({ sessions: 'sticky' }, CLOSED, { seed }));
    expect(r.nodes.cart.sessionsLost).toBeGreaterThan(70);
    expect(r.nodes.cart.sessionsLost).toBeLessThan(130);
    const lost = eventsOf(r, 'sessions');
    expect(lost).toHaveLength(1);
    expect(lost[0].atMs).toBe(30_000);
    expect(lost[0].message).toBe(`cart: ${r.nodes.cart.sessionsLost} sessions lost with instance 1`);
  });

  it('an open-loop client stands for 1000 users: a crash of 1 of 3 after 30 s at 100 rps loses ~1000/3 x (1 - e^-3)', () => {
    const r = runScenario(cart({ sessions: 'sticky' }, { rps: 100, arrival: 'poisson' }));
    const expected = (1000 / 3) * (1 - Math.exp(-3));
    expect(Math.abs(r.nodes.cart.sessionsLost! - expected)).toBeLessThan(40);
  });

  it('scale-in loses the sessions of the instances it removes', () => {
    const r = runScenario(cart({ sessions: 'sticky', instances: 4, autoscale: { minReplicas: 1, maxReplicas: 4 } },
      { rps: 20, arrival: 'poisson' }, { durationMs: 400_000, faults: [] }));
    const down = eventsOf(r, 'autoscale');
    expect(down.map((e) => e.message)).toEqual([expect.stringMatching(/^cart: 4 -> 1 replicas/)]);
    // 3 of 4 instances go, with about 3/4 of the 1000 users' sessions (all have one by then).
    expect(r.nodes.cart.sessionsLost).toBeGreaterThan(650);
    expect(r.nodes.cart.sessionsLost).toBeLessThan(850);
    expect(eventsOf(r, 'sessions').every((e) => e.atMs === down[0].atMs)).toBe(true);
  });

  it('no sessions lost without a failure, and no field but 0 on services without sticky sessions', () => {
    const calm = runScenario(cart({ sessions: 'sticky' }, CLOSED, { faults: [] }));
    expect(calm.nodes.cart.sessionsLost).toBe(0);
    const none = runScenario(cart({}, CLOSED));
    expect(none.nodes.cart.sessionsLost).toBe(0);
    expect(none.nodes.redis.sessionsLost).toBeUndefined();
  });
});

describe('a session store', () => {
  it('loses no session when an instance dies, and every request reads it', () => {
    const r = runScenario(cart({ sessions: 'store', sessionStore: 'redis' }, CLOSED));
    expect(r.nodes.cart.sessionsLost).toBe(0);
    expect(eventsOf(r, 'sessions')).toEqual([]);
    // Every request that got through its own work read the store (a few are still in service at the end).
    const served = r.nodes.cart.arrivals - r.nodes.cart.rejected;
    expect(r.edges['cart->redis'].calls).toBeLessThanOrEqual(served);
    expect(r.edges['cart->redis'].calls).toBeGreaterThan(served - 20);
  });

  it('is read before the other calls, also for a service with operations', () => {
    const data = cart({ sessions: 'store', sessionStore: 'redis', operations: [{ path: '/', serviceTimeMs: 5, calls: ['stock'] }] }, CLOSED, { faults: [] });
    data.nodes.push({ id: 'stock', kind: 'service', instances: 1, concurrency: 50, serviceTimeMs: 5 } as never);
    data.edges.push({ from: 'cart', to: 'stock' });
    // The edge to the store comes last in the file; the store is still called first.
    data.edges.reverse();
    const r = runScenario({ ...data, tracing: { sampleRate: 0.05 } });
    for (const edge of ['cart->redis', 'cart->stock']) {
      expect(r.edges[edge].calls).toBeGreaterThanOrEqual(r.nodes.cart.completed);
      expect(r.edges[edge].calls).toBeLessThan(r.nodes.cart.completed + 20);
    }
    expect(r.traces!.length).toBeGreaterThan(10);
    for (const t of r.traces!.slice(0, 20)) {
      const spans = t.spans.filter((s) => s.node === 'redis' || s.node === 'stock');
      expect(spans.map((s) => s.node)).toEqual(['redis', 'stock']);
    }
  });
});
