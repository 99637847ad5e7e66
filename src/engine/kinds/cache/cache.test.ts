import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioOrThrow } from '../../../scenario/parse';
import { DEFAULT_LATENCY_MS } from '../../calls/edgeSchema';
import { createSimulation } from '../../simulation';
import { cacheKind } from './index';

/* eslint-disable @typescript-eslint/no-explicit-any -- a kind's report fields are an untyped record */

const scenario = (cache: Record<string, unknown>, extra: Record<string, unknown> = {}) => parseScenarioOrThrow({
  version: 1, name: 'c', durationMs: 60_000, seed: 4,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 200, arrival: 'poisson' } },
    { id: 'api', kind: 'service', instances: 4, concurrency: 50, serviceTimeMs: 2 },
    { id: 'cache', kind: 'cache', ...cache },
    { id: 'db', kind: 'database', connections: 50, queryTimeMs: { dist: 'exponential', mean: 10 } },
  ],
  edges: [{ from: 'users', to: 'api' }, { from: 'api', to: 'cache' }, { from: 'cache', to: 'db' }],
  ...extra,
});

const run = (s: ReturnType<typeof scenario>, until = s.durationMs) => {
  const sim = createSimulation(s);
  sim.runUntil(until);
  return sim.report();
};

describe('cache kind', () => {
  it("the palette's example is a valid cache", () => {
    expect(cacheKind.schema.parse(cacheKind.example('c'))).toMatchObject({ kind: 'cache', capacity: 1000, warmAtStart: true });
  });

  it('its misses are a thinned Poisson stream: the database sees lambda x (1 - hit ratio)', () => {
    const r = run(scenario({ hitRatio: 0.8 }));
    const c = r.nodes.cache as any;
    const lookups = c.hits + c.misses;
    expect(lookups).toBe(r.nodes.cache.arrivals);
    expect(c.hitRatio).toBeCloseTo(0.8, 2);
    // 200/s for 60 s, one in five misses: about 2,400 queries (sd about 45).
    expect(Math.abs(r.nodes.db.arrivals - 200 * 60 * 0.2)).toBeLessThan(200);
    expect(r.nodes.db.arrivals).toBe(c.misses);
    expect(r.clients.users.errorRate).toBe(0);
  });

  it('hits answer in hitTimeMs and misses pay the origin as well', () => {
    const r = run(scenario({ hitRatio: 0.5, hitTimeMs: 1 }));
    const c = r.nodes.cache as any;
    // Half the lookups take 1 ms, half take 1 ms plus a round trip to the database: a query of
    // 10 ms on average (50 connections, no queue at 100/s) and the network's 1 ms each way.
    const miss = 10 + 2 * DEFAULT_LATENCY_MS;
    expect(r.nodes.cache.meanResponseMs).toBeGreaterThan(1 + 0.5 * miss * 0.9);
    expect(r.nodes.cache.meanResponseMs).toBeLessThan(1 + 0.5 * miss * 1.1);
    expect(c.evictions).toBeGreaterThan(0);
  });

  it('a flush sends every lookup to the database until the popular keys are back (a thundering herd)', () => {
    const s = scenario({ keys: 50_000, zipfS: 0.9, capacity: 10_000 }, { faults: [{ kind: 'flush', target: 'cache', atMs: 30_000 }] });
    const r = run(s);
    const db = r.series.nodes.db.throughput;
    const ratio = (r.series.nodes.cache as Record<string, number[]>).hitRatio;
    expect(db[30]).toBeGreaterThan(2 * db[28]);
    expect(ratio[30]).toBeLessThan(ratio[28] - 0.3);
    // It recovers as the popular keys come back.
    expect(ratio[58]).toBeGreaterThan(ratio[31] + 0.1);
    expect(db[58]).toBeLessThan(db[31]);
    expect((r.nodes.cache as any).flushes).toBe(1);
    expect(r.events.some((e) => e.kind === 'flush' && e.node === 'cache')).toBe(true);
  });

  it('a cold start misses more than a warm one; killing the cache fails lookups and it comes back empty', () => {
    const cold = run(scenario({ keys: 5000, capacity: 500, warmAtStart: false }), 5000).nodes.cache as any;
    const warm = run(scenario({ keys: 5000, capacity: 500 }), 5000).nodes.cache as any;
    expect(cold.misses).toBeGreaterThan(warm.misses);
    const killed = run(scenario({ keys: 5000, capacity: 500 }, { faults: [{ kind: 'kill-service', target: 'cache', atMs: 10_000, durationMs: 5000 }] }), 20_000);
    expect(killed.clients.users.failedBy.crashed).toBeGreaterThan(500);
    expect((killed.series.nodes.cache as Record<string, number[]>).entries[16]).toBeLessThan((killed.series.nodes.cache as Record<string, number[]>).entries[8]);
  });

  it('is deterministic and refuses a flush aimed at something that is not a cache', () => {
    const s = scenario({ keys: 1000, ttlMs: 2000 });
    expect(JSON.stringify(run(s, 10_000))).toBe(JSON.stringify(run(s, 10_000)));
    const bad = parseScenario({ ...s, faults: [{ kind: 'flush', target: 'db' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.message).join()).toMatch(/a flush empties a cache/);
  });
});
