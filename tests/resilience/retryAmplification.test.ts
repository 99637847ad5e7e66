import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { note, runToEnd, vs } from './helpers';

// Retry amplification. The callee fails each attempt independently with probability p (an
// `error` fault for the whole run); the caller retries errors up to maxAttempts = 3 with no
// breaker and no budget. Attempts per call X is 1, 2 or 3 with probabilities 1−p, p(1−p),
// p², so E[X] = 1 + p + p² (the load the callee sees grows by that factor), and a call fails
// only when all three attempts fail: p³.
//
// 1000 rps Poisson for 120 s = about 120 k calls per case, one seed. Tolerances are 5
// standard errors of the estimate, computed from the distribution itself:
// SE(mean X) = sd(X)/√N, SE(failure share) = √(p³(1−p³)/N).
const RPS = 1000;
const DURATION = 120_000;

function scenario(p: number): Record<string, unknown> {
  return {
    version: 1, name: `retry amplification p=${p}`, seed: 101, durationMs: DURATION,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: RPS } },
      { id: 'api', kind: 'service', concurrency: 200, serviceTimeMs: 1 },
      { id: 'back', kind: 'service', concurrency: 200, serviceTimeMs: 1 },
    ],
    edges: [
      { from: 'users', to: 'api' },
      { from: 'api', to: 'back', retry: { maxAttempts: 3, backoffMs: 10, retryOn: ['error'] } },
    ],
    faults: [{ kind: 'error', target: 'back', rate: p }],
  };
}

describe.each([0.3, 0.5])('retries with maxAttempts 3 against a callee failing with p = %s', (p) => {
  const ex = 1 + p + p * p;
  const ex2 = (1 - p) + 4 * p * (1 - p) + 9 * p * p;
  const pFail = p ** 3;
  let r: Report, e: Report['edges'][string], c: Report['clients'][string], N = 0, answered = 0, seX = 0, seFail = 0;
  beforeAll(() => {
    r = runToEnd(scenario(p));
    e = r.edges['api->back'];
    c = r.clients.users;
    N = e.calls;
    seX = Math.sqrt(ex2 - ex * ex) / Math.sqrt(N);
    answered = c.ok + c.failed;
    seFail = Math.sqrt((pFail * (1 - pFail)) / answered);
    note(`retry amplification p=${p}`, [
      vs('attempts/calls', e.attempts / N, ex),
      vs('client failure rate', c.failed / answered, pFail),
      vs('failed attempts share', e.failedAttempts / e.attempts, p),
    ]);
  });

  it('attempts per call ≈ 1 + p + p² (the callee sees that much more load)', () => {
    expect(N).toBeGreaterThan(115_000);
    expect(Math.abs(e.attempts / N - ex), vs('attempts/calls', e.attempts / N, ex)).toBeLessThan(5 * seX);
    // The callee's arrivals are the attempts that were sent, and retries are the extra ones.
    expect(Math.abs(r.nodes.back.arrivals - e.attempts)).toBeLessThanOrEqual(5);
    expect(Math.abs(e.retries - (e.attempts - N))).toBeLessThanOrEqual(50);
  });

  it('each attempt fails with probability p', () => {
    const share = e.failedAttempts / e.attempts;
    expect(Math.abs(share - p), vs('failed attempts share', share, p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / e.attempts));
  });

  it("the client's failure rate ≈ p³, all of them errors", () => {
    const rate = c.failed / answered;
    expect(Math.abs(rate - pFail), vs('client failure rate', rate, pFail)).toBeLessThan(5 * seFail);
    expect(c.failedBy.error).toBe(c.failed);
    // Every call that failed after its retries is a client failure (one call per request).
    expect(Math.abs(e.errors - c.failed)).toBeLessThanOrEqual(5);
  });
});

// A retry budget (Finagle's RetryBudget, design/semantics.md §2d) caps the amplification
// whatever p is: retries may be at most `percent` of the requests of the last ttl plus
// minRetriesPerSecond. Against a callee that always fails (p = 1, where maxAttempts 3 alone
// would triple the load) at 500 rps for 120 s, attempts/calls → 1 + percent/100 +
// minRetriesPerSecond/rps. The budget's window slides in tenths of its 10 s ttl, so the
// count is exact up to edge effects of a fraction of one window: tolerance 1 %.
describe('a retry budget caps the amplification', () => {
  function budgeted(budget?: Record<string, unknown>): Report {
    return runToEnd({
      version: 1, name: 'retry budget', seed: 102, durationMs: 120_000,
      nodes: [
        { id: 'users', kind: 'client', load: { rps: 500 } },
        { id: 'back', kind: 'service', concurrency: 100, serviceTimeMs: 1 },
      ],
      edges: [{ from: 'users', to: 'back', retry: { maxAttempts: 3, backoffMs: 10, retryOn: ['error'], ...(budget ? { budget } : {}) } }],
      faults: [{ kind: 'error', target: 'back', rate: 1 }],
    });
  }

  it.each([
    { name: 'none', budget: undefined, expected: 3 },
    { name: '20 %', budget: { percent: 20, minRetriesPerSecond: 0 }, expected: 1.2 },
    { name: '10 % + 5/s', budget: { percent: 10, minRetriesPerSecond: 5 }, expected: 1 + 0.1 + 5 / 500 },
    { name: '0 %', budget: { percent: 0, minRetriesPerSecond: 0 }, expected: 1 },
  ])('budget $name: attempts/calls ≈ $expected', ({ budget, expected }) => {
    const r = budgeted(budget);
    const e = r.edges['users->back'];
    const ratio = e.attempts / e.calls;
    note('retry budget', [vs(`attempts/calls with budget ${JSON.stringify(budget)}`, ratio, expected)]);
    expect(Math.abs(ratio - expected) / expected, vs('attempts/calls', ratio, expected)).toBeLessThan(0.01);
    // With p = 1 a call ends either after maxAttempts or when the budget refuses its next
    // retry; the refusals are counted and logged (at most once a second).
    expect(Math.abs(e.retries - (e.attempts - e.calls))).toBeLessThanOrEqual(10);
    expect(e.retriesDropped).toBeLessThanOrEqual(e.calls);
    if (!budget) expect(e.retriesDropped).toBe(0);
    else expect(r.events.filter((x) => x.kind === 'retry-budget').length).toBeGreaterThan(100);
    if (budget?.percent === 0) expect(Math.abs(e.retriesDropped - e.calls)).toBeLessThanOrEqual(5);
  });
});
