import { describe, expect, it } from 'vitest';
import { binomialZ, lazy, runToEnd, type Data } from './helpers';

/**
 * A monolith: one service with `operations`, each route with its own work and its own calls.
 * /orders works 30 ms and queries the database (5 ms); /search works 10 ms and calls nothing;
 * any other path is a 404. Times are constant and the workers plenty (2.9 busy of 64 on
 * average), so nobody waits and each path's latency is exact: the tolerance is the
 * histogram's 0.4 % relative error, rounded up to 1 %.
 *
 * The clients stop sending at 50 s and the run ends at 60 s, so nothing is in flight at the
 * end and the counts balance exactly.
 */
const STOP = { atMs: 50_000, rps: 0 };
const client = (id: string, rps: number, paths: [string, number][]): Data => ({
  id, kind: 'client', load: { rps, arrival: 'poisson', steps: [STOP] }, paths: paths.map(([path, weight]) => ({ path, weight })),
});

const scenario = (): Data => ({
  version: 1, name: 'monolith operations', seed: 8, durationMs: 60_000,
  nodes: [
    client('order-users', 20, [['/orders', 1]]),
    client('search-users', 40, [['/search', 1]]),
    client('lost-users', 5, [['/admin', 1]]),
    client('mixed', 100, [['/orders', 3], ['/search', 6], ['/admin', 1]]),
    { id: 'shop', kind: 'service', instances: 2, concurrency: 32, serviceTimeMs: 1,
      operations: [
        { path: '/orders', serviceTimeMs: 30, calls: ['db'] },
        { path: '/search', serviceTimeMs: 10 },
      ] },
    { id: 'db', kind: 'database', connections: 50, queryTimeMs: 5 },
  ],
  edges: [
    { from: 'order-users', to: 'shop' },
    { from: 'search-users', to: 'shop' },
    // A 404 is never retried, even on an edge that retries errors.
    { from: 'lost-users', to: 'shop', retry: { maxAttempts: 3, backoffMs: 10 } },
    { from: 'mixed', to: 'shop' },
    { from: 'shop', to: 'db' },
  ],
});

// 1 ms each way on every edge: client<->shop 2 ms, shop<->db 2 ms.
const ORDERS_MS = 1 + 30 + 1 + 5 + 1 + 1;
const SEARCH_MS = 1 + 10 + 1;
const NOT_FOUND_MS = 1 + 1;

describe('a service with operations serves each path with its own work and calls', () => {
  const report = lazy(() => runToEnd(scenario()));

  it('per-path service time shows in each path\'s client latency (39 ms vs 12 ms)', () => {
    const r = report();
    for (const [id, ms] of [['order-users', ORDERS_MS], ['search-users', SEARCH_MS]] as const) {
      const l = r.clients[id].latencyMs;
      expect(l.mean, id).toBeCloseTo(ms, 6); // means are exact
      expect(Math.abs(l.p50 - ms) / ms, id).toBeLessThan(0.01);
      expect(Math.abs(l.p99 - ms) / ms, id).toBeLessThan(0.01);
      expect(r.clients[id].failed, id).toBe(0);
    }
  });

  it('only /orders calls the database: db arrivals = /orders requests, exactly', () => {
    const r = report();
    for (const c of Object.values(r.clients)) expect(c.sent).toBe(c.ok + c.failed); // nothing in flight
    const mixedNotFound = r.clients.mixed.failedBy['not-found'];
    const mixedOrders = r.nodes.db.arrivals - r.clients['order-users'].sent;
    const mixedSearches = r.clients.mixed.ok - mixedOrders;
    // The mixed client's answers add up: 30 % orders, 60 % searches, 10 % 404s (5 sigma each).
    const n = r.clients.mixed.sent;
    expect(binomialZ(mixedOrders, n, 0.3)).toBeLessThan(5);
    expect(binomialZ(mixedSearches, n, 0.6)).toBeLessThan(5);
    expect(binomialZ(mixedNotFound, n, 0.1)).toBeLessThan(5);
    // Its successes' mean latency is the mix of the two served paths' exact latencies; the
    // 404s have theirs apart.
    const mix = (mixedOrders * ORDERS_MS + mixedSearches * SEARCH_MS) / (mixedOrders + mixedSearches);
    expect(r.clients.mixed.latencyMs.mean).toBeCloseTo(mix, 3);
    expect(r.clients.mixed.failedLatencyMs.mean).toBeCloseTo(NOT_FOUND_MS, 6);
    expect(r.edges['shop->db'].calls).toBe(r.nodes.db.arrivals);
  });

  it('an unknown path is a 404 (not-found), answered at once and never retried', () => {
    const r = report();
    const lost = r.clients['lost-users'];
    expect(lost.sent).toBeGreaterThan(150);
    expect(lost.failedBy['not-found']).toBe(lost.sent);
    expect(lost.failed).toBe(lost.sent);
    expect(lost.failedLatencyMs.max).toBeCloseTo(NOT_FOUND_MS, 6);
    // No request succeeded: there is no success latency to flatter.
    expect(lost.latencyMs).toEqual({ mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    const e = r.edges['lost-users->shop'];
    expect(e.attempts).toBe(e.calls);
    expect(e.retries).toBe(0);
    // The shop refuses them without work: its rejections are exactly the 404s.
    expect(r.nodes.shop.rejected).toBe(lost.sent + r.clients.mixed.failedBy['not-found']);
  });

  it('with only /search traffic the database sees nothing', () => {
    const s = scenario();
    s.nodes = s.nodes.filter((n: Data) => n.kind !== 'client' || n.id === 'search-users');
    s.edges = s.edges.filter((e: Data) => e.from === 'search-users' || e.from === 'shop');
    const r = runToEnd(s);
    expect(r.clients['search-users'].ok).toBeGreaterThan(1500);
    expect(r.nodes.db.arrivals).toBe(0);
    expect(r.edges['shop->db'].calls).toBe(0);
  });
});
