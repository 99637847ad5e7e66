import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { note, runToEnd, simulate, sum, window } from './helpers';

/**
 * Circuit breakers driven through the engine by scripted error faults
 * (design/semantics.md §1: Resilience4j's state machine, plus Fowler's consecutive mode).
 */

type Transition = { atMs: number; from: string; to: string };
const arrow = (t: Transition) => `${t.from}->${t.to}`;

// ---- COUNT_BASED: a full open / half-open / reopen / close story ------------------------

// users (100 rps Poisson) → api → back, breaker on api→back: window 20 calls, minimum 10,
// threshold 50 %, open 2000 ms, 3 trial calls. back answers every request with 500 between
// T1 and T2. With 20 successes in the window before T1, the 10th failure makes the rate
// 10/20 = 50 % and opens it; while the fault lasts every half-open trial fails and reopens
// it; the first trials after T2 succeed and close it.
const T1 = 10_000;
const T2 = 20_000;
const WAIT = 2000;
const countBased = {
  version: 1, name: 'count-based breaker', seed: 303, durationMs: 30_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 100 } },
    { id: 'api', kind: 'service', concurrency: 50, serviceTimeMs: 2 },
    { id: 'back', kind: 'service', concurrency: 50, serviceTimeMs: { dist: 'exponential', mean: 10 } },
  ],
  edges: [
    { from: 'users', to: 'api' },
    {
      from: 'api', to: 'back',
      circuitBreaker: { slidingWindowSize: 20, minimumNumberOfCalls: 10, failureRateThreshold: 50, waitDurationInOpenStateMs: WAIT, permittedNumberOfCallsInHalfOpenState: 3 },
    },
  ],
  faults: [{ kind: 'error', target: 'back', rate: 1, atMs: T1, durationMs: T2 - T1 }],
};

describe('COUNT_BASED breaker (window 20, min 10, 50 %, wait 2 s, 3 trials) on a 10 s error burst', () => {
  let r: Report;
  let tr: Transition[];
  beforeAll(() => {
    r = runToEnd(countBased);
    tr = r.edges['api->back'].circuitBreaker!.transitions;
    note('count-based breaker', tr.map((t) => `${t.atMs.toFixed(1)} ${arrow(t)}`));
  });

  it('goes CLOSED→OPEN, then (OPEN→HALF_OPEN, HALF_OPEN→OPEN) while the fault lasts, then OPEN→HALF_OPEN→CLOSED', () => {
    const seq = tr.map(arrow);
    expect(seq[0]).toBe('CLOSED->OPEN');
    expect(seq.slice(-2)).toEqual(['OPEN->HALF_OPEN', 'HALF_OPEN->CLOSED']);
    const middle = seq.slice(1, -2);
    expect(middle.length % 2).toBe(0);
    for (let i = 0; i < middle.length; i += 2) expect(middle.slice(i, i + 2)).toEqual(['OPEN->HALF_OPEN', 'HALF_OPEN->OPEN']);
    // A 10 s fault with a 2 s wait: about 4 failed trial rounds (each round is 2 s + a few ms).
    expect(middle.length / 2).toBeGreaterThanOrEqual(3);
    expect(middle.length / 2).toBeLessThanOrEqual(5);
    expect(r.edges['api->back'].circuitBreaker!.state).toBe('CLOSED');
    // The event log tells the same story.
    const logged = r.events.filter((e) => e.kind === 'breaker');
    expect(logged.map((e) => e.message)).toEqual(tr.map((t) => `breaker on api->back: ${t.from} -> ${t.to}`));
    // The log keeps 3 decimals, the transitions 4.
    logged.forEach((e, i) => expect(Math.abs(e.atMs - tr[i].atMs)).toBeLessThan(0.002));
  });

  it('opens shortly after the fault starts, once the window has seen enough failures', () => {
    expect(tr[0].atMs).toBeGreaterThan(T1);
    // 100 rps: the 10 failures it needs arrive within ~100 ms, plus service time.
    expect(tr[0].atMs).toBeLessThan(T1 + 500);
  });

  it('at the moment it opens, at least minimumNumberOfCalls (10) failures were recorded, and about that many', () => {
    const sim = simulate(countBased);
    let t = T1;
    while (sim.snapshot().edges['api->back'].breaker !== 'OPEN' && t < T1 + 1000) sim.runUntil(++t);
    const errors = sim.report().edges['api->back'].errors;
    note('count-based breaker at open', [`opened by ${t} ms after ${errors} failed calls`]);
    expect(errors).toBeGreaterThanOrEqual(10);
    // 20 successes were in the window: the 10th failure reaches 50 %. A result or two may land in the same ms.
    expect(errors).toBeLessThanOrEqual(12);
  });

  it('each OPEN lasts waitDurationInOpenState, then the next call finds it HALF_OPEN (lazy transition)', () => {
    for (let i = 1; i < tr.length; i++) {
      if (tr[i].to !== 'HALF_OPEN') continue;
      const open = tr[i - 1];
      expect(open.to).toBe('OPEN');
      const gap = tr[i].atMs - open.atMs;
      expect(gap).toBeGreaterThanOrEqual(WAIT);
      // The next call after the wait: at 100 rps a gap of 200 ms has probability e^-20.
      expect(gap).toBeLessThan(WAIT + 200);
    }
  });

  it('while open it short-circuits and the callee sees only the half-open trials', () => {
    const e = r.edges['api->back'];
    expect(e.shortCircuited).toBeGreaterThan(500);
    expect(r.clients.users.failedBy['short-circuited']).toBe(e.shortCircuited);
    const before = sum(window(r, r.series.nodes.back.throughput, 2000, T1)) / ((T1 - 2000) / 1000);
    const trials = tr.filter((t) => t.to === 'HALF_OPEN' && t.atMs > T1 + 1000 && t.atMs < T2).length;
    const during = sum(window(r, r.series.nodes.back.throughput, T1 + 1000, T2));
    note('count-based breaker: callee load', [`before ${before.toFixed(1)}/s, during the fault ${during} requests in 9 s (${trials} trial rounds of 3)`]);
    expect(before).toBeGreaterThan(80);
    expect(during).toBeLessThanOrEqual(3 * trials);
    // Back to normal once closed.
    const after = sum(window(r, r.series.nodes.back.throughput, T2 + 4000, 30_000)) / 6;
    expect(after).toBeGreaterThan(80);
  });

  it('closes within one wait (plus the trials) after the fault ends', () => {
    const close = tr[tr.length - 1];
    expect(close.atMs).toBeGreaterThan(T2);
    expect(close.atMs).toBeLessThan(T2 + WAIT + 500);
    expect(window(r, r.series.clients.users.errorRate, close.atMs + 1000, 30_000).every((x) => x === 0)).toBe(true);
  });

  it('the breakerState series is 1 (open) or 2 (half-open) during the fault and 0 before and after', () => {
    const st = r.series.edges['api->back'].breakerState;
    expect(window(r, st, 0, T1).every((x) => x === 0)).toBe(true);
    expect(window(r, st, T1 + 1000, T2).every((x) => x >= 1)).toBe(true);
    expect(window(r, st, T2 + WAIT + 1000, 30_000).every((x) => x === 0)).toBe(true);
  });
});

// ---- CONSECUTIVE: exactly failureThreshold failures in a row ----------------------------

// Constant arrivals every 100 ms (at 100, 200, ... ms), 1 ms of network each way and 1 ms of
// work: each call is over 3 ms after it starts, so results come one at a time and in order.
// An error fault that starts at 10 050 ms fails the calls sent at 10 100, 10 200, ... while
// it lasts.
function consecutive(faults: { atMs: number; durationMs: number }[], breaker: Record<string, unknown>): Record<string, unknown> {
  return {
    version: 1, name: 'consecutive breaker', seed: 304, durationMs: 21_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 10, arrival: 'constant' } },
      { id: 'back', kind: 'service', concurrency: 4, serviceTimeMs: 1 },
    ],
    edges: [{ from: 'users', to: 'back', latencyMs: 1, circuitBreaker: { waitDurationInOpenStateMs: 1000, ...breaker } }],
    faults: faults.map((f) => ({ kind: 'error', target: 'back', rate: 1, ...f })),
  };
}
const CONSEC = { slidingWindowType: 'CONSECUTIVE', failureThreshold: 5 };

describe('CONSECUTIVE breaker (failureThreshold 5)', () => {
  it('4 failures in a row do not open it', () => {
    const r = runToEnd(consecutive([{ atMs: 10_050, durationMs: 400 }], CONSEC));
    expect(r.clients.users.failed).toBe(4);
    expect(r.edges['users->back'].circuitBreaker!.transitions).toEqual([]);
  });

  it('the 5th failure in a row opens it at once; one trial after the wait closes it', () => {
    const r = runToEnd(consecutive([{ atMs: 10_050, durationMs: 500 }], CONSEC));
    const tr = r.edges['users->back'].circuitBreaker!.transitions;
    // Calls sent at 10 100 ... 10 500 fail; the 5th result arrives at 10 503.
    expect(tr.map(arrow)).toEqual(['CLOSED->OPEN', 'OPEN->HALF_OPEN', 'HALF_OPEN->CLOSED']);
    expect(tr[0].atMs).toBeCloseTo(10_503, 6);
    // Open until the first call at or after 11 503 (sent at 11 600), whose success closes it.
    expect(tr[1].atMs).toBeCloseTo(11_600, 6);
    expect(tr[2].atMs).toBeCloseTo(11_603, 6);
    expect(r.clients.users.failedBy.error).toBe(5);
    expect(r.clients.users.failedBy['short-circuited']).toBe(10); // 10 600 ... 11 500
  });

  it('a success resets the count: 4 failures, 1 success, 4 failures never open it (a 50 % rate breaker would)', () => {
    const faults = [{ atMs: 10_050, durationMs: 400 }, { atMs: 10_550, durationMs: 400 }];
    const r = runToEnd(consecutive(faults, CONSEC));
    expect(r.clients.users.failed).toBe(8);
    expect(r.edges['users->back'].circuitBreaker!.transitions).toEqual([]);
    const rate = runToEnd(consecutive(faults, { slidingWindowSize: 10, minimumNumberOfCalls: 5, failureRateThreshold: 50 }));
    expect(rate.edges['users->back'].circuitBreaker!.transitions[0]).toMatchObject({ from: 'CLOSED', to: 'OPEN' });
  });
});

// ---- TIME_BASED: failures older than the window are forgotten ---------------------------

// Same constant 10 rps. Window 5 s (the current second and the 4 before it), minimum 10 calls,
// threshold 50 %. Each burst fails 15 calls in a row (1.5 s): alone that is at most 15 of the
// ~50 calls in the window (30 %). Two bursts 2 s apart are 25 of 41 when the second one is
// 1 s old (61 %): open. Two bursts 8 s apart never share the window: never open.
const TIME_BASED = { slidingWindowType: 'TIME_BASED', slidingWindowSize: 5, minimumNumberOfCalls: 10, failureRateThreshold: 50 };
const burst = (atMs: number) => ({ atMs, durationMs: 1500 });

describe('TIME_BASED breaker (5 s window, min 10 calls, 50 %)', () => {
  it('one burst of 15 failures (30 % of the window) does not open it', () => {
    const r = runToEnd(consecutive([burst(10_050)], TIME_BASED));
    expect(r.clients.users.failed).toBe(15);
    expect(r.edges['users->back'].circuitBreaker!.transitions).toEqual([]);
  });

  it('a second burst within the window adds up and opens it', () => {
    const r = runToEnd(consecutive([burst(10_050), burst(12_050)], TIME_BASED));
    const tr = r.edges['users->back'].circuitBreaker!.transitions;
    expect(tr[0]).toMatchObject({ from: 'CLOSED', to: 'OPEN' });
    // Seconds 9-13 hold 41 results at 13 003 ms, 25 of them failures (the first time >= 50 %).
    expect(tr[0].atMs).toBeCloseTo(13_003, 6);
  });

  it('the same second burst 8 s later, after the window has slid past the first, does not', () => {
    const r = runToEnd(consecutive([burst(10_050), burst(18_050)], TIME_BASED));
    expect(r.clients.users.failed).toBe(30);
    expect(r.edges['users->back'].circuitBreaker!.transitions).toEqual([]);
  });
});

// ---- Timers and slow calls ---------------------------------------------------------------

// users (100 rps Poisson) → back, breaker window 20 / min 10 / 50 %, wait 2000 ms, 3 trials.
function timed(breaker: Record<string, unknown>, faults: unknown[]): Record<string, unknown> {
  return {
    version: 1, name: 'breaker timers', seed: 305, durationMs: 30_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 100 } },
      { id: 'back', kind: 'service', concurrency: 100, serviceTimeMs: { dist: 'exponential', mean: 10 } },
    ],
    edges: [{
      from: 'users', to: 'back',
      circuitBreaker: { slidingWindowSize: 20, minimumNumberOfCalls: 10, waitDurationInOpenStateMs: WAIT, permittedNumberOfCallsInHalfOpenState: 3, ...breaker },
    }],
    faults,
  };
}

describe('breaker timers and slow calls', () => {
  it('automaticTransitionFromOpenToHalfOpenEnabled: HALF_OPEN exactly waitDurationInOpenState after each OPEN', () => {
    const r = runToEnd(timed({ automaticTransitionFromOpenToHalfOpenEnabled: true }, [{ kind: 'error', target: 'back', rate: 1, atMs: 10_000, durationMs: 5000 }]));
    const tr = r.edges['users->back'].circuitBreaker!.transitions;
    expect(tr.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < tr.length; i++) if (tr[i].to === 'HALF_OPEN') expect(tr[i].atMs - tr[i - 1].atMs).toBeCloseTo(WAIT, 3);
    expect(tr[tr.length - 1].to).toBe('CLOSED');
  });

  it('maxWaitDurationInHalfOpenState: trials that never answer (a black hole) send it back to OPEN after that long', () => {
    const r = runToEnd(timed({ maxWaitDurationInHalfOpenStateMs: 1000 }, [
      { kind: 'error', target: 'back', rate: 1, atMs: 10_000, durationMs: 1000 },
      { kind: 'blackhole', target: 'back', atMs: 11_000, durationMs: 5000 },
    ]));
    const tr = r.edges['users->back'].circuitBreaker!.transitions;
    const stuck = tr.filter((t, i) => t.from === 'HALF_OPEN' && t.to === 'OPEN' && tr[i - 1].atMs < 16_000);
    expect(stuck.length).toBeGreaterThanOrEqual(1);
    for (const t of stuck) {
      const i = tr.indexOf(t);
      expect(t.atMs - tr[i - 1].atMs).toBeCloseTo(1000, 3);
    }
    expect(tr[tr.length - 1]).toMatchObject({ from: 'HALF_OPEN', to: 'CLOSED' });
  });

  it('slow calls open it too: +200 ms on every request with slowCallDurationThresholdMs 100 and slowCallRateThreshold 50', () => {
    const r = runToEnd(timed({ slowCallDurationThresholdMs: 100, slowCallRateThreshold: 50 }, [{ kind: 'latency', target: 'back', addMs: 200, atMs: 10_000, durationMs: 5000 }]));
    const tr = r.edges['users->back'].circuitBreaker!.transitions;
    expect(tr[0]).toMatchObject({ from: 'CLOSED', to: 'OPEN' });
    // The first slow results arrive 200 ms after the fault starts; 10 of them in the window open it.
    expect(tr[0].atMs).toBeGreaterThan(10_200);
    expect(tr[0].atMs).toBeLessThan(10_600);
    expect(tr[tr.length - 1].to).toBe('CLOSED');
    // Nothing failed at the callee: every failure the client saw is the breaker's.
    expect(r.clients.users.failed).toBe(r.clients.users.failedBy['short-circuited']);
    expect(r.clients.users.failed).toBeGreaterThan(300);
  });
});
