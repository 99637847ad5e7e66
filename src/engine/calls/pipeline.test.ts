import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../scenario/parse';
import type { Report } from '../metrics/report';
import { createSimulation } from '../simulation';

/**
 * A call on an edge as its caller sees it: timeouts, retries, fallbacks and bulkheads around
 * one try, in small scenarios with constant times, so every expected number is exact or a
 * binomial share.
 */

type Data = Record<string, unknown>;

/** users → api (1 ms of work) → back (`backMs` of work), zero network latency, plenty of workers. */
function scenario(backMs: number, edge: Data, extra: Data = {}): Data {
  return {
    version: 1, name: 'one call', seed: 7, durationMs: 20_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 50, arrival: 'constant' } },
      { id: 'api', kind: 'service', concurrency: 100, serviceTimeMs: 1 },
      { id: 'back', kind: 'service', concurrency: 100, serviceTimeMs: backMs },
    ],
    edges: [{ from: 'users', to: 'api', latencyMs: 0 }, { from: 'api', to: 'back', latencyMs: 0, ...edge }],
    ...extra,
  };
}

function run(obj: Data): Report {
  const sim = createSimulation(parseScenarioOrThrow(obj));
  sim.runUntil(sim.durationMs);
  return sim.report();
}

/** Binomial z-score of k successes in n tries at probability p. */
const z = (k: number, n: number, p: number) => Math.abs(k - n * p) / Math.sqrt(n * p * (1 - p));

describe('a call with a timeout', () => {
  it('times out when the callee takes longer, and the late answer reaches nobody', () => {
    const r = run(scenario(50, { timeoutMs: 20 }));
    const c = r.clients.users, e = r.edges['api->back'];
    expect(c.sent).toBeGreaterThan(900);
    // Every request fails by timeout, exactly once: the late answer is dropped, not delivered twice.
    expect(c.ok).toBe(0);
    expect(c.failedBy.timeout).toBe(c.failed);
    expect(c.failed).toBeLessThanOrEqual(c.sent);
    // Every call times out, but for the last one, still waiting when the run ends.
    expect(e.calls - e.timeouts).toBeGreaterThanOrEqual(0);
    expect(e.calls - e.timeouts).toBeLessThanOrEqual(1);
    // The caller waited exactly the timeout; the user, api's 1 ms more.
    expect(e.latencyMs.max).toBe(20);
    expect(c.failedLatencyMs.max).toBe(21);
    // The callee finished the work nobody waited for (no deadline propagation): 50 ms per answered call.
    expect(e.wastedMs % 50).toBe(0);
    expect(e.wastedMs / 50).toBeGreaterThanOrEqual(e.calls - 3);
    expect(Math.abs(r.nodes.back.completed - e.wastedMs / 50)).toBeLessThanOrEqual(1);
  });

  it('lets a callee that answers in time through untouched', () => {
    const r = run(scenario(50, { timeoutMs: 80 }));
    const c = r.clients.users, e = r.edges['api->back'];
    expect(c.failed).toBe(0);
    expect(e.timeouts).toBe(0);
    expect(e.wastedMs).toBe(0);
    expect(c.latencyMs.max).toBe(51);
  });
});

describe('retries and fallbacks', () => {
  // Half of back's answers are errors (an injected fault), independently per attempt.
  const errors = (rate: number) => ({ faults: [{ kind: 'error', target: 'back', rate }] });

  it('with 3 attempts, a call fails only when all three do: p^3 of calls, 1 + p + p^2 attempts per call', () => {
    const r = run(scenario(5, { retry: { maxAttempts: 3, backoffMs: 1, jitter: 'none' } }, errors(0.5)));
    const e = r.edges['api->back'];
    expect(e.calls).toBeGreaterThan(900);
    expect(z(e.errors, e.calls, 0.125)).toBeLessThan(5);
    expect(e.attempts / e.calls).toBeCloseTo(1.75, 1);
    expect(e.retries).toBe(e.attempts - e.calls);
    expect(r.clients.users.failedBy.error).toBe(e.errors);
  });

  it('a fallback answers every failed call: the user sees success after the fallback time', () => {
    const r = run(scenario(5, { fallback: { latencyMs: 3 } }, errors(1)));
    const c = r.clients.users, e = r.edges['api->back'];
    expect(c.failed).toBe(0);
    expect(e.errors).toBe(e.calls);
    expect(e.fallbacks).toBe(e.calls);
    // 1 ms at api, 5 ms at back (answered 500), 3 ms of fallback.
    expect(c.latencyMs.max).toBe(9);
  });
});

describe('a bulkhead', () => {
  it('with one slot and no wait, refuses a call while another is out, at once', () => {
    // Calls every 20 ms, each holding the slot for 30 ms: every other one finds it taken.
    const r = run(scenario(30, { bulkhead: { maxConcurrentCalls: 1, maxWaitMs: 0 } }));
    const c = r.clients.users, e = r.edges['api->back'];
    expect(e.rejected).toBe(e.errors);
    expect(Math.abs(e.rejected - e.calls / 2)).toBeLessThanOrEqual(1);
    expect(c.failedBy.rejected).toBe(e.rejected);
    // Refused before anything was sent: the user knows after api's 1 ms.
    expect(c.failedLatencyMs.max).toBe(1);
    expect(c.latencyMs.max).toBe(31);
  });
});
