import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { goodput, mean, note, simulate, window } from './helpers';

// A retry storm: a metastable failure (Bronson et al., "Metastable Failures in Distributed
// Systems", HotOS 2021). users (870 rps Poisson) → gw → api. api is one instance of 10
// workers doing a constant 10 ms: capacity 1000 rps, so it runs at 87 % and answers in
// ~11-15 ms. gw calls api with timeoutMs 50 and retry maxAttempts 3 on error and timeout.
//
// The trigger: +20 ms of work per request on api for 3 s (a latency fault), which cuts its
// capacity to 333 rps. Its room (100 per instance) fills; a queued attempt now waits
// 100/1000 s = 100 ms > 50 ms, so every admitted attempt times out and is retried, while
// api still does the abandoned work (no deadline propagation). After the trigger the
// retries keep the offered load at about 1700 attempts/s, above capacity, so the room stays
// full, every attempt times out, and goodput stays at 0 although the client load is
// unchanged: the sustaining effect outlives the trigger. (Steady state: attempts A with
// P(admitted) q = 1000/A solve A = 870·(1 + q + q²), A ≈ 1690.)
//
// What breaks the loop: a retry budget of 10 % (870 × 1.1 < 1000, so the room drains), a
// circuit breaker (it stops the calls, the room drains, trial calls succeed), or cutting the
// load below 1000/3 rps (even tripled it fits). Three seeds; every assertion holds for each.
const SEEDS = [1, 2, 3];
const RPS = 870;
const BURST_AT = 10_000;
const BURST_END = 13_000;
const END = 60_000;

/** The storm's attempts per second: the root of A = RPS·(1 + q + q²), q = 1000/A (bisection). */
const STORM_ATTEMPTS = (() => {
  let lo = 1000, hi = 3 * RPS;
  for (let i = 0; i < 60; i++) {
    const a = (lo + hi) / 2, q = 1000 / a;
    if (RPS * (1 + q + q * q) > a) lo = a;
    else hi = a;
  }
  return lo;
})();

type Mode = 'none' | 'budget' | 'breaker' | 'no-trigger';

function scenario(mode: Mode, seed: number): Record<string, unknown> {
  const retry: Record<string, unknown> = { maxAttempts: 3, backoffMs: 10, retryOn: ['error', 'timeout'] };
  if (mode === 'budget') retry.budget = { percent: 10, minRetriesPerSecond: 1 };
  const edge: Record<string, unknown> = { from: 'gw', to: 'api', timeoutMs: 50, retry };
  if (mode === 'breaker') {
    edge.circuitBreaker = { slidingWindowSize: 100, minimumNumberOfCalls: 50, failureRateThreshold: 50, waitDurationInOpenStateMs: 1000, permittedNumberOfCallsInHalfOpenState: 10 };
  }
  return {
    version: 1, name: `retry storm (${mode})`, seed, durationMs: END,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: RPS } },
      { id: 'gw', kind: 'gateway', concurrency: 5000, routes: [{ prefix: '/', to: 'api' }] },
      { id: 'api', kind: 'service', concurrency: 10, serviceTimeMs: 10 },
    ],
    edges: [{ from: 'users', to: 'gw' }, edge],
    faults: mode === 'no-trigger' ? [] : [{ kind: 'latency', target: 'api', addMs: 20, atMs: BURST_AT, durationMs: BURST_END - BURST_AT }],
  };
}

function run(mode: Mode, seed: number, live?: (sim: ReturnType<typeof simulate>) => void): Report {
  const sim = simulate(scenario(mode, seed));
  if (live) live(sim);
  sim.runUntil(END);
  return sim.report();
}

/** Per-second views of a window [from, to). */
function view(r: Report, from: number, to: number) {
  return {
    util: window(r, r.series.nodes.api.utilization, from, to),
    err: window(r, r.series.clients.users.errorRate, from, to),
    good: window(r, goodput(r, 'users'), from, to),
    attempts: window(r, r.series.edges['gw->api'].attempts, from, to),
  };
}

function healthy(r: Report, from: number, to: number): void {
  const v = view(r, from, to);
  expect(mean(v.util)).toBeGreaterThan(0.8);
  expect(mean(v.util)).toBeLessThan(0.95);
  expect(Math.max(...v.util)).toBeLessThan(0.99);
  expect(Math.max(...v.err)).toBeLessThan(0.01);
  expect(mean(v.good)).toBeGreaterThan(0.95 * RPS);
}

describe.each(SEEDS)('retry storm, seed %s', (seed) => {
  const reports: Partial<Record<Mode, Report>> = {};
  beforeAll(() => {
    for (const mode of ['none', 'budget', 'breaker'] as const) reports[mode] = run(mode, seed);
    for (const mode of ['none', 'budget', 'breaker'] as const) {
      const v = view(reports[mode]!, 20_000, END);
      note(`retry storm seed ${seed} ${mode}`, [`after the burst: utilization ${mean(v.util).toFixed(3)}, error rate ${mean(v.err).toFixed(3)}, goodput ${mean(v.good).toFixed(0)}/s, attempts ${mean(v.attempts).toFixed(0)}/s (storm theory ${STORM_ATTEMPTS.toFixed(0)})`]);
    }
  });

  it('before the trigger all three setups are healthy at ~87 % utilization', () => {
    for (const mode of ['none', 'budget', 'breaker'] as const) healthy(reports[mode]!, 2000, BURST_AT);
  });

  it('without a budget it stays saturated for the 47 s after the burst, at unchanged load', () => {
    const r = reports.none!;
    const v = view(r, BURST_END, END);
    expect(Math.min(...v.util)).toBeGreaterThan(0.99);
    expect(Math.min(...v.err)).toBeGreaterThan(0.99);
    expect(Math.max(...v.good)).toBeLessThan(0.01 * RPS);
    // The retries keep ~1700 attempts/s coming at a 1000 rps server: A = λ(1 + q + q²) with q = 1000/A.
    expect(Math.abs(mean(v.attempts) - STORM_ATTEMPTS) / STORM_ATTEMPTS).toBeLessThan(0.03);
    // The work api does is wasted: callers gave up on it.
    const e = r.edges['gw->api'];
    expect(e.timeouts / e.attempts).toBeGreaterThan(0.4);
    expect(e.wastedMs).toBeGreaterThan(0.4 * 10 * (END - BURST_END)); // 10 workers, mostly wasted
    expect(r.clients.users.failedBy.timeout + r.clients.users.failedBy.rejected).toBe(r.clients.users.failed);
  });

  it('with a retry budget of 10 % it recovers within a few seconds of the burst', () => {
    const r = reports.budget!;
    healthy(r, BURST_END + 5000, END);
    expect(r.edges['gw->api'].retriesDropped).toBeGreaterThan(0);
    expect(r.events.some((e) => e.kind === 'retry-budget' && e.atMs >= BURST_AT)).toBe(true);
  });

  it('with a circuit breaker it recovers too', () => {
    const r = reports.breaker!;
    healthy(r, BURST_END + 5000, END);
    const tr = r.edges['gw->api'].circuitBreaker!.transitions;
    expect(tr[0]).toMatchObject({ from: 'CLOSED', to: 'OPEN' });
    expect(tr[0].atMs).toBeGreaterThan(BURST_AT);
    expect(tr[tr.length - 1].to).toBe('CLOSED');
    expect(tr[tr.length - 1].atMs).toBeLessThan(BURST_END + 5000);
  });
});

describe('retry storm: control and the way out by shedding load (seed 1)', () => {
  it('without the trigger the same system stays healthy for the whole minute', () => {
    healthy(run('no-trigger', 1), 2000, END);
  });

  it('cutting the load to 250 rps breaks the loop, and restoring 870 rps afterwards stays healthy (hysteresis)', () => {
    const r = run('none', 1, (sim) => {
      sim.runUntil(30_000);
      // Still in the storm at 30 s, 17 s after the trigger ended.
      const before = sim.report();
      expect(Math.min(...window(before, before.series.clients.users.errorRate, 25_000, 30_000))).toBeGreaterThan(0.99);
      sim.apply({ type: 'setRps', node: 'users', rps: 250 });
      sim.runUntil(40_000);
      sim.apply({ type: 'setRps', node: 'users', rps: RPS });
    });
    const low = view(r, 32_000, 40_000);
    expect(Math.max(...low.err)).toBe(0);
    expect(mean(low.util)).toBeLessThan(0.3);
    // The same 870 rps that could not escape the storm is now served at ~87 %.
    healthy(r, 42_000, END);
  });
});
