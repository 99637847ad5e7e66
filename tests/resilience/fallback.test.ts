import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { note, runToEnd } from './helpers';

// Fallback: a failed call is answered with a degraded success after latencyMs. users → api →
// recs, where recs answers 30 % of requests with 500 (error fault for the whole run) and,
// between 20 s and 25 s, is cut off by a partition (api→recs has a 100 ms timeout).
// 50 rps for 40 s.
const P = 0.3;

function scenario(fallback: boolean): Record<string, unknown> {
  return {
    version: 1, name: 'fallback', seed: 707, durationMs: 40_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 50 } },
      { id: 'api', kind: 'service', concurrency: 50, serviceTimeMs: 2 },
      { id: 'recs', kind: 'service', concurrency: 50, serviceTimeMs: { dist: 'exponential', mean: 10 } },
    ],
    edges: [
      { from: 'users', to: 'api' },
      { from: 'api', to: 'recs', timeoutMs: 100, ...(fallback ? { fallback: { latencyMs: 5 } } : {}) },
    ],
    faults: [
      { kind: 'error', target: 'recs', rate: P },
      { kind: 'partition', target: 'api->recs', atMs: 20_000, durationMs: 5000 },
    ],
  };
}

describe('fallback on a flaky dependency', () => {
  let withFb: Report;
  let withoutFb: Report;
  beforeAll(() => {
    withFb = runToEnd(scenario(true));
    withoutFb = runToEnd(scenario(false));
    const e = withFb.edges['api->recs'];
    note('fallback', [`errors ${e.errors}, fallbacks ${e.fallbacks}, timeouts ${e.timeouts}; client failed ${withFb.clients.users.failed} (without fallback ${withoutFb.clients.users.failed}, errorRate ${withoutFb.clients.users.errorRate})`]);
  });

  it('every failed call is answered by the fallback: fallbacks == errors on the edge', () => {
    const e = withFb.edges['api->recs'];
    expect(e.errors).toBeGreaterThan(500);
    expect(e.fallbacks).toBe(e.errors);
    // Both kinds of failure are covered: 500s and timeouts across the partition.
    expect(e.timeouts).toBeGreaterThan(200);
    expect(e.errors).toBeGreaterThan(e.timeouts);
  });

  it('the client sees no failures at all', () => {
    const c = withFb.clients.users;
    expect(c.failed).toBe(0);
    expect(c.errorRate).toBe(0);
    expect(withFb.series.clients.users.errorRate.every((x) => x === 0)).toBe(true);
    expect(c.sent - c.ok).toBeLessThanOrEqual(5); // only requests still in flight at the end
  });

  it('without the fallback the same failures reach the client', () => {
    const c = withoutFb.clients.users;
    expect(withoutFb.edges['api->recs'].fallbacks).toBe(0);
    expect(c.failed).toBe(withoutFb.edges['api->recs'].errors);
    // 30 % errors, plus every call during the 5 s partition (1/8 of the run).
    const expected = P + (1 - P) * (5 / 40);
    expect(Math.abs(c.errorRate - expected)).toBeLessThan(0.03);
  });

  it('a fallback answer costs its latency: during the partition calls take timeout + fallback', () => {
    const l = withFb.edges['api->recs'].latencyMs;
    expect(l.max).toBeCloseTo(100 + 5, 6);
  });
});
