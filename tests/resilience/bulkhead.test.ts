import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { erlangB, note, runToEnd, simulate, vs } from './helpers';

// Semaphore bulkhead (design/semantics.md §3). The client calls a slow service (exponential
// work, mean 100 ms, on 50 workers, so the service itself never limits) over an edge with
// zero network delay and a bulkhead of k permits. A permit is held exactly while the call is
// served, so with maxWaitMs 0 the edge is an M/M/k/k loss system: the share rejected is
// Erlang B(k, a) with offered load a = λ·S (insensitive to the service distribution).
// 200 s runs (16-20 k calls). Loss events are correlated in time, so the tolerance (0.02
// absolute) is wider than the binomial 3 SE (about 0.011).
const S_MS = 100;

function scenario(rps: number, k: number, maxWaitMs: number, durationMs = 200_000): Record<string, unknown> {
  return {
    version: 1, name: 'bulkhead', seed: 505, durationMs,
    nodes: [
      { id: 'users', kind: 'client', load: { rps } },
      { id: 'slow', kind: 'service', concurrency: 50, serviceTimeMs: { dist: 'exponential', mean: S_MS } },
    ],
    edges: [{ from: 'users', to: 'slow', latencyMs: 0, bulkhead: { maxConcurrentCalls: k, maxWaitMs } }],
  };
}

describe.each([
  { rps: 100, k: 5 },
  { rps: 80, k: 10 },
])('bulkhead k = $k, maxWaitMs 0, offered $rps rps × 100 ms', ({ rps, k }) => {
  const a = (rps * S_MS) / 1000;
  const B = erlangB(k, a);
  let r: Report;
  beforeAll(() => {
    r = runToEnd(scenario(rps, k, 0));
    const e = r.edges['users->slow'];
    note(`bulkhead k=${k} a=${a}`, [vs('rejected share', e.rejected / e.calls, B), vs('mean busy workers at the callee', r.nodes.slow.utilization * 50, a * (1 - B))]);
  });

  it('rejects the Erlang-B share of calls, as `rejected`', () => {
    const e = r.edges['users->slow'];
    const share = e.rejected / e.calls;
    expect(Math.abs(share - B), vs('rejected share', share, B)).toBeLessThan(0.02);
    expect(r.clients.users.failedBy.rejected).toBe(e.rejected);
    expect(r.clients.users.failed).toBe(e.rejected);
    // The callee only sees what got a permit.
    expect(Math.abs(r.nodes.slow.arrivals - (e.calls - e.rejected))).toBeLessThanOrEqual(k);
  });

  it("the callee's concurrency is a·(1 − B) on average (Little) and no second's average exceeds k", () => {
    const busy = r.nodes.slow.utilization * 50;
    expect(Math.abs(busy - a * (1 - B)) / (a * (1 - B))).toBeLessThan(0.05);
    expect(Math.max(...r.series.nodes.slow.utilization) * 50).toBeLessThanOrEqual(k + 1e-9);
  });
});

describe('bulkhead concurrency, event by event', () => {
  it('never more than k calls in flight, and k is reached (it binds)', () => {
    const k = 5;
    const sim = simulate(scenario(100, k, 0, 20_000));
    let max = 0;
    while (sim.now() < 20_000 && sim.step()) {
      const busy = sim.snapshot().nodes.slow.instances[0].busy;
      if (busy > max) max = busy;
      if (busy > k) break;
    }
    expect(max).toBe(k);
  });

  it('also with waiting allowed', () => {
    const k = 5;
    const sim = simulate(scenario(100, k, 200, 20_000));
    let max = 0;
    while (sim.now() < 20_000 && sim.step()) max = Math.max(max, sim.snapshot().nodes.slow.instances[0].busy);
    expect(max).toBe(k);
  });
});

describe('maxWaitMs > 0: waiting for a permit turns rejections into short waits', () => {
  let shares: number[] = [];
  let latency: number[] = [];
  beforeAll(() => {
    const runs = [0, 100, 300].map((w) => runToEnd(scenario(80, 10, w)));
    shares = runs.map((r) => r.edges['users->slow'].rejected / r.edges['users->slow'].calls);
    latency = runs.map((r) => r.clients.users.latencyMs.mean);
    note('bulkhead waits', shares.map((s, i) => `maxWaitMs ${[0, 100, 300][i]}: rejected ${s.toFixed(4)}, mean latency ${latency[i].toFixed(1)} ms`));
  });

  it('fewer rejections the longer one may wait', () => {
    expect(shares[1]).toBeLessThan(shares[0] / 3);
    expect(shares[2]).toBeLessThan(shares[1] / 3);
  });

  it('the price is latency: successful calls now include the wait', () => {
    expect(latency[1]).toBeGreaterThan(latency[0]);
    expect(latency[2]).toBeGreaterThan(latency[1]);
  });

  it('in overload waiting cannot beat the capacity bound: at least 1 − k/a is rejected', () => {
    // 100 rps × 100 ms = 10 Erlangs on 5 permits: at most 50 calls/s can be served.
    const r = runToEnd(scenario(100, 5, 300));
    const share = r.edges['users->slow'].rejected / r.edges['users->slow'].calls;
    expect(share).toBeGreaterThan(0.5 - 0.02);
    expect(share).toBeLessThan(erlangB(5, 10));
  });
});
