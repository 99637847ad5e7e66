import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { note, runToEnd, vs } from './helpers';

// Backoff and jitter measured through the engine. The client calls a callee that always
// fails (error fault, rate 1) over an edge with retry; every call therefore makes all its
// attempts and fails. Each attempt costs exactly 1 + 5 + 1 ms (network each way + constant
// service), so a call's latency minus ATTEMPT_MS × attempts is exactly the sum of its
// backoff waits, whose distribution the AWS formulas give (design/semantics.md §2a):
//   none:   B                   (every call the same)
//   full:   U(0, B)             mean B/2,  sd B/√12
//   equal:  B/2 + U(0, B/2)     mean 3B/4, sd B/(2√12)
//   decorrelated (first retry): U(B, 3B)  mean 2B, sd 2B/√12
// 200 rps for 100 s = 20 k calls per case; means are within 5 standard errors (sd/√N),
// percentiles within 1 % of B (the histogram's bucket error is < 0.4 % of the value, and the
// sampling error of a uniform's p50/p95 at N = 20 k is < 0.4 % of B).
const B = 100;
const ATTEMPT_MS = 1 + 5 + 1;

function scenario(retry: Record<string, unknown>): Record<string, unknown> {
  return {
    version: 1, name: 'jitter', seed: 202, durationMs: 100_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 200 } },
      { id: 'back', kind: 'service', concurrency: 500, serviceTimeMs: 5 },
    ],
    edges: [{ from: 'users', to: 'back', latencyMs: 1, retry: { backoffMs: B, retryOn: ['error'], ...retry } }],
    faults: [{ kind: 'error', target: 'back', rate: 1 }],
  };
}

const cases = [
  { jitter: 'none', mean: B, sd: 0, p50: B, p95: B },
  { jitter: 'full', mean: B / 2, sd: B / Math.sqrt(12), p50: B / 2, p95: 0.95 * B },
  { jitter: 'equal', mean: (3 * B) / 4, sd: B / 2 / Math.sqrt(12), p50: (3 * B) / 4, p95: B / 2 + 0.95 * (B / 2) },
  { jitter: 'decorrelated', mean: 2 * B, sd: (2 * B) / Math.sqrt(12), p50: 2 * B, p95: B + 0.95 * 2 * B },
] as const;

describe.each(cases)('jitter $jitter, maxAttempts 2: expected mean wait $mean ms', (k) => {
  let r: Report;
  let waits: { mean: number; p50: number; p95: number; max: number };
  beforeAll(() => {
    r = runToEnd(scenario({ maxAttempts: 2, jitter: k.jitter }));
    const l = r.edges['users->back'].latencyMs;
    const overhead = 2 * ATTEMPT_MS;
    waits = { mean: l.mean - overhead, p50: l.p50 - overhead, p95: l.p95 - overhead, max: l.max - overhead };
    note(`jitter ${k.jitter}`, [vs('mean wait ms', waits.mean, k.mean), vs('p50 wait ms', waits.p50, k.p50), vs('p95 wait ms', waits.p95, k.p95), `max wait ${waits.max}`]);
  });

  it('every call made both attempts and failed', () => {
    const e = r.edges['users->back'];
    expect(e.calls).toBeGreaterThan(19_000);
    expect(e.attempts - 2 * e.calls).toBeLessThanOrEqual(10); // calls still waiting at the end
    expect(r.clients.users.failedBy.error).toBe(r.clients.users.failed);
    expect(r.clients.users.ok).toBe(0);
  });

  it('the mean wait matches the formula', () => {
    const n = r.edges['users->back'].calls;
    const tol = k.sd === 0 ? 1e-3 : (5 * k.sd) / Math.sqrt(n);
    expect(Math.abs(waits.mean - k.mean), vs('mean wait', waits.mean, k.mean)).toBeLessThan(tol);
  });

  it('p50 and p95 of the wait match the distribution', () => {
    expect(Math.abs(waits.p50 - k.p50), vs('p50', waits.p50, k.p50)).toBeLessThan(0.01 * B + 1e-3);
    expect(Math.abs(waits.p95 - k.p95), vs('p95', waits.p95, k.p95)).toBeLessThan(0.01 * B + 1e-3);
  });

  it('the wait never exceeds the largest value the formula allows', () => {
    const upper = k.jitter === 'decorrelated' ? 3 * B : B;
    expect(waits.max).toBeLessThanOrEqual(upper + 1e-3);
  });
});

describe('exponential growth and the cap', () => {
  it("without jitter, 3 attempts wait exactly B + B·multiplier, and maxBackoffMs caps the second wait", () => {
    const plain = runToEnd(scenario({ maxAttempts: 3, jitter: 'none', multiplier: 2 })).edges['users->back'].latencyMs;
    expect(plain.mean).toBeCloseTo(3 * ATTEMPT_MS + B + 2 * B, 3);
    expect(plain.max).toBeCloseTo(3 * ATTEMPT_MS + B + 2 * B, 3);
    const capped = runToEnd(scenario({ maxAttempts: 3, jitter: 'none', multiplier: 2, maxBackoffMs: 150 })).edges['users->back'].latencyMs;
    expect(capped.mean).toBeCloseTo(3 * ATTEMPT_MS + B + 150, 3);
    expect(capped.max).toBeCloseTo(3 * ATTEMPT_MS + B + 150, 3);
  });
});
