import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { normalCdf, note, runToEnd, vs, Z99 } from './helpers';

// A timeout cutting a heavy tail. users → api (1 ms of work) → back, 1 ms of network each
// way. back's work is lognormal with median 20 ms and p99 2000 ms (σ = ln(100)/z₉₉ ≈ 1.98)
// on 1000 workers, so nothing queues and an attempt's duration is exactly 1 + S + 1 ms.
// With timeoutMs 200 on api→back the caller gives up when S > 198 ms:
//   P(timeout) = 1 − Φ(ln(198/20)/σ) ≈ 0.1234.
// The callee is not told (no deadline propagation): it finishes the abandoned work, which is
// counted as wastedMs. Per call that is E[S; S > c] = m·e^{σ²/2}·Φ(σ − ln(c/m)/σ) ≈ 113 ms.
// 100 rps × 200 s = 20 k calls. The timeout share is within 5 binomial standard errors; the
// wasted work has a very heavy tail (its per-call sd is about 1000 ms, 9 × its mean), so its
// tolerance is 25 % (≈ 3.5 SE).
const MEDIAN = 20;
const P99 = 2000;
const TIMEOUT = 200;
const SIGMA = Math.log(P99 / MEDIAN) / Z99;
const CUT = TIMEOUT - 2; // the two network legs count against the timeout

function scenario(timeoutMs?: number): Record<string, unknown> {
  return {
    version: 1, name: 'timeout on a heavy tail', seed: 606, durationMs: 200_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 100 } },
      { id: 'api', kind: 'service', concurrency: 200, serviceTimeMs: 1 },
      { id: 'back', kind: 'service', concurrency: 1000, serviceTimeMs: { dist: 'lognormal', median: MEDIAN, p99: P99 } },
    ],
    edges: [{ from: 'users', to: 'api' }, { from: 'api', to: 'back', ...(timeoutMs ? { timeoutMs } : {}) }],
  };
}

describe('timeoutMs 200 on a lognormal callee (median 20 ms, p99 2000 ms)', () => {
  const pTimeout = 1 - normalCdf(Math.log(CUT / MEDIAN) / SIGMA);
  const wastedPerCall = MEDIAN * Math.exp((SIGMA * SIGMA) / 2) * normalCdf(SIGMA - Math.log(CUT / MEDIAN) / SIGMA);
  let r: Report;
  let without: Report;
  beforeAll(() => {
    r = runToEnd(scenario(TIMEOUT));
    without = runToEnd(scenario());
    const e = r.edges['api->back'];
    note('timeout', [
      vs('timeouts/calls', e.timeouts / e.calls, pTimeout),
      vs('wasted ms per call', e.wastedMs / e.calls, wastedPerCall),
      `edge latency max ${e.latencyMs.max}, client p99 ${r.clients.users.latencyMs.p99} (without timeout ${without.clients.users.latencyMs.p99})`,
    ]);
  });

  it("the caller never waits more than the timeout: the edge's latency max is 200 ms", () => {
    expect(r.edges['api->back'].latencyMs.max).toBeCloseTo(TIMEOUT, 6);
  });

  it('client p99 is the timeout plus the small fixed overhead (2 ms network + 1 ms of api work)', () => {
    const c = r.clients.users.latencyMs;
    expect(c.p99).toBeLessThanOrEqual(TIMEOUT + 3 + 1e-6);
    expect(c.max).toBeLessThanOrEqual(TIMEOUT + 3 + 1e-6);
    // Without the timeout the tail is the callee's own: p99 near 2000 ms.
    expect(without.clients.users.latencyMs.p99).toBeGreaterThan(1500);
  });

  it('the share of calls timed out is P(1 + S + 1 > 200)', () => {
    const e = r.edges['api->back'];
    const share = e.timeouts / e.calls;
    const se = Math.sqrt((pTimeout * (1 - pTimeout)) / e.calls);
    expect(Math.abs(share - pTimeout), vs('timeouts/calls', share, pTimeout)).toBeLessThan(5 * se);
    expect(e.errors).toBe(e.timeouts);
    expect(r.clients.users.failedBy.timeout).toBe(e.timeouts);
    expect(r.clients.users.failed).toBe(e.timeouts);
  });

  it('the callee finishes the abandoned work anyway: wastedMs ≈ calls × E[S; S > 198]', () => {
    const e = r.edges['api->back'];
    expect(e.wastedMs).toBeGreaterThan(0);
    const perCall = e.wastedMs / e.calls;
    expect(Math.abs(perCall - wastedPerCall) / wastedPerCall, vs('wasted ms per call', perCall, wastedPerCall)).toBeLessThan(0.25);
    // The callee did all the work: it completed (about) every request it received.
    expect(r.nodes.back.completed).toBeGreaterThan(r.nodes.back.arrivals - 20);
    expect(without.edges['api->back'].wastedMs).toBe(0);
  });
});
