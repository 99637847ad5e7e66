import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/engine/metrics/tracer';
import { balance, run, sagaScenario } from './sagaScenarios';

const errorFault = (target: string, rate = 1) => ({ kind: 'error', target, rate });

describe('saga: compensations', () => {
  // Step 3 always fails: every saga undoes step 2, then step 1. c2 is slow and c1 fast, so a
  // saga that ran them at once (or in the wrong order) would show c1 ending before c2 started.
  const { report, saga } = run(sagaScenario({
    rps: 20, durationMs: 20_000, tracing: 1,
    serviceMs: { c1: 1, c2: { dist: 'exponential', mean: 30 } },
    faults: [errorFault('s3')],
  }));

  it('every saga is compensated and answers its caller with an error', () => {
    expect(saga.started).toBeGreaterThan(300);
    expect(saga.completed).toBe(0);
    expect(saga.stuck).toBe(0);
    expect(saga.compensated).toBe(saga.started - saga.inFlight);
    // Step 3 failed in every finished saga and in those still compensating.
    expect(saga.failedSteps.s1 + saga.failedSteps.s2).toBe(0);
    expect(saga.failedSteps.s3).toBeGreaterThanOrEqual(saga.compensated);
    expect(saga.failedSteps.s3).toBeLessThanOrEqual(saga.compensated + saga.inFlight);
    expect(report.clients.users.failedBy.error).toBe(saga.compensated);
    expect(report.clients.users.ok).toBe(0);
  });

  it('compensates only the done steps: c2 and c1 once per saga, never c3', () => {
    expect(report.nodes.c3.arrivals).toBe(0);
    expect(report.nodes.c1.arrivals).toBe(saga.compensated);
    expect(report.nodes.c2.arrivals).toBeGreaterThanOrEqual(saga.compensated);
    expect(report.nodes.c2.arrivals).toBeLessThanOrEqual(saga.compensated + saga.inFlight);
    expect(saga.compensationAttempts).toBe(report.nodes.c1.arrivals + report.nodes.c2.arrivals);
  });

  it('runs the compensations in reverse order, one after the other (traces)', () => {
    const traces = (report.traces ?? []).filter((t) => t.status !== 'unset');
    expect(traces.length).toBeGreaterThan(50);
    for (const t of traces) {
      const at = (node: string): Span => {
        const found = t.spans.filter((s) => s.node === node);
        expect(found, `${t.traceId}: one span at ${node}`).toHaveLength(1);
        return found[0];
      };
      const [s1, s2, s3, c2, c1] = ['s1', 's2', 's3', 'c2', 'c1'].map(at);
      expect(t.spans.some((s) => s.node === 'c3')).toBe(false);
      expect(s3.status).toBe('error');
      expect([s1, s2, c2, c1].every((s) => s.status === 'ok')).toBe(true);
      // Forward steps in order, then C2, then C1, each sent after the previous one answered
      // (spans are the caller's view: sent and answered).
      expect(s2.startMs).toBeGreaterThanOrEqual(s1.endMs!);
      expect(s3.startMs).toBeGreaterThanOrEqual(s2.endMs!);
      expect(c2.startMs).toBeGreaterThanOrEqual(s3.endMs!);
      expect(c1.startMs).toBeGreaterThanOrEqual(c2.endMs!);
      expect(t.status).toBe('error');
      expect(t.cause).toBe('error');
    }
  });
});

describe.each([
  { p: 0.2, step: 1, seed: 3 },
  { p: 0.5, step: 0, seed: 4 },
  { p: 0.05, step: 2, seed: 5 },
])('saga: step $step fails with probability $p', ({ p, step, seed }) => {
  // 50 sagas/s for 100 s: about 5000 sagas, so the compensated share has SD ≈ sqrt(p(1-p)/5000)
  // ≤ 0.0071; the tolerance is 0.025 (more than 3.5 SD).
  const target = `s${step + 1}`;
  const { report, saga } = run(sagaScenario({ rps: 50, durationMs: 100_000, seed, faults: [errorFault(target, p)] }));
  const finished = saga.completed + saga.compensated + saga.stuck;

  it('the compensated fraction is p', () => {
    expect(saga.started).toBeGreaterThan(4500);
    expect(Math.abs(saga.compensated / finished - p)).toBeLessThan(0.025);
    expect(saga.stuck).toBe(0);
    expect(saga.failedSteps[target]).toBe(saga.compensated);
    expect(report.clients.users.failedBy.error).toBe(saga.compensated);
  });

  it('each failed saga undoes exactly the steps before the failing one', () => {
    for (let k = 1; k <= 3; k++) {
      const expected = k - 1 < step ? saga.compensated : 0;
      expect(report.nodes[`c${k}`].arrivals, `c${k}`).toBe(expected);
    }
    expect(report.nodes.s3.arrivals).toBeGreaterThanOrEqual(saga.completed);
  });
});

describe('saga: a compensation service that is down', () => {
  // c1 is down the whole run and step 2 always fails: every saga tries c1
  // maxCompensationAttempts times, compensationBackoffMs apart, and is stuck.
  const MAX = 4, BACKOFF = 50;
  const { report, saga } = run(sagaScenario({
    rps: 10, durationMs: 30_000, maxCompensationAttempts: MAX, compensationBackoffMs: BACKOFF,
    faults: [{ kind: 'kill-service', target: 'c1' }, errorFault('s2')],
  }));

  it('sagas are stuck after maxCompensationAttempts tries, and counted', () => {
    expect(saga.stuck).toBeGreaterThan(250);
    expect(saga.compensated).toBe(0);
    expect(saga.completed).toBe(0);
    expect(saga.stuckAt).toEqual({ c1: saga.stuck });
    expect(saga.compensationAttempts).toBeGreaterThanOrEqual(MAX * saga.stuck);
    expect(saga.compensationAttempts).toBeLessThanOrEqual(MAX * (saga.stuck + saga.inFlight));
    expect(saga.compensationFailures).toBe(saga.compensationAttempts);
    expect(report.edges['saga->c1'].calls).toBe(saga.compensationAttempts);
    expect(report.clients.users.failedBy.error).toBe(saga.stuck);
    // Each stuck saga waited out MAX - 1 backoffs.
    expect(saga.meanResponseMs).toBeGreaterThan((MAX - 1) * BACKOFF);
  });

  it('stuck sagas are logged for people to see', () => {
    const logged = report.events.filter((e) => e.kind === 'saga-stuck');
    expect(logged.length).toBeGreaterThan(20);
    expect(logged.every((e) => e.node === 'saga' && e.message.includes('"c1"') && e.message.includes('inconsistent'))).toBe(true);
    // At most one entry per simulated second, each with the running count.
    for (let k = 1; k < logged.length; k++) expect(logged[k].atMs - logged[k - 1].atMs).toBeGreaterThanOrEqual(1000);
    expect(logged[logged.length - 1].message).toMatch(/\d+ stuck so far/);
  });

  it('recovers when the service comes back: later sagas are compensated', () => {
    const r = run(sagaScenario({
      rps: 10, durationMs: 30_000, maxCompensationAttempts: MAX, compensationBackoffMs: BACKOFF,
      faults: [{ kind: 'kill-service', target: 'c1', atMs: 5000, durationMs: 5000 }, errorFault('s2')],
    })).saga;
    expect(r.stuck).toBeGreaterThan(30);
    expect(r.stuck).toBeLessThan(70);
    expect(r.compensated).toBeGreaterThan(200);
    expect(balance(r)).toBe(0);
  });
});

describe('saga: no step fails', () => {
  const { report, saga } = run(sagaScenario({ rps: 30, durationMs: 30_000 }));

  it('all sagas complete and no compensation runs', () => {
    expect(saga.started).toBeGreaterThan(800);
    expect(saga.completed).toBe(saga.started - saga.inFlight);
    expect(saga.compensated + saga.stuck + saga.compensationAttempts).toBe(0);
    expect(report.clients.users.failed).toBe(0);
    expect(report.clients.users.ok).toBe(saga.completed);
    for (const c of ['c1', 'c2', 'c3']) expect(report.nodes[c].arrivals).toBe(0);
    expect(saga.failedSteps).toEqual({ s1: 0, s2: 0, s3: 0 });
  });

  it('the saga holds no worker: its response time is the sum of its steps', () => {
    // 3 steps × (5 ms work + 2 × 1 ms network) = 21 ms, at any load.
    expect(saga.meanResponseMs).toBeCloseTo(21, 6);
    expect(report.nodes.saga.replicas).toBe(0);
    expect(report.nodes.saga.utilization).toBe(0);
    expect(report.nodes.saga.rejected).toBe(0);
  });
});

describe('saga: counts balance', () => {
  it('started = completed + compensated + stuck + in flight, with warm-up and sagas still running', () => {
    // Long backoffs and a flaky compensation keep many sagas in flight at every moment,
    // including at the end of warm-up and of the run.
    const { report, saga } = run(sagaScenario({
      rps: 40, durationMs: 25_000, warmupMs: 5_000, maxCompensationAttempts: 3, compensationBackoffMs: 1500,
      faults: [errorFault('s2', 0.3), errorFault('s3', 0.3), errorFault('c1', 0.5)],
    }));
    expect(saga.inFlight).toBeGreaterThan(5);
    expect(saga.completed).toBeGreaterThan(0);
    expect(saga.compensated).toBeGreaterThan(0);
    expect(saga.stuck).toBeGreaterThan(0);
    expect(balance(saga)).toBe(0);
    expect(saga.started).toBe(saga.arrivals);
    const failed = Object.values(saga.failedSteps).reduce((a, b) => a + b, 0);
    expect(failed).toBeGreaterThanOrEqual(saga.compensated + saga.stuck);
    expect(failed).toBeLessThanOrEqual(saga.compensated + saga.stuck + saga.inFlight);
    // The live series: sagas in flight and compensating, sampled each second.
    const series = report.series.nodes.saga as unknown as Record<string, number[]>;
    expect(Math.max(...series.inFlight)).toBeGreaterThan(5);
    expect(Math.max(...series.compensating)).toBeGreaterThan(0);
  });

  it('holds at every moment of a run stopped early', () => {
    for (const t of [1234, 5000, 7777]) {
      const { saga } = run(sagaScenario({ rps: 40, compensationBackoffMs: 300, faults: [errorFault('s3', 0.5), errorFault('c2', 0.5)] }), t);
      expect(balance(saga), `at ${t} ms`).toBe(0);
    }
  });
});

describe('saga: the caller gives up first', () => {
  it('the saga carries on and still compensates (no deadline propagation)', () => {
    const { report, saga } = run(sagaScenario({
      rps: 20, durationMs: 20_000, serviceMs: { c1: 100 }, callerEdge: { timeoutMs: 50 }, faults: [errorFault('s3')],
    }));
    expect(report.clients.users.failedBy.timeout).toBeGreaterThan(300);
    expect(saga.compensated).toBe(saga.started - saga.inFlight);
    expect(report.nodes.c1.arrivals).toBeGreaterThanOrEqual(saga.compensated);
  });
});

describe('saga: pivot', () => {
  it('steps after the pivot are retried, not compensated', () => {
    // Pivot = step 2 (index 1): s3 fails half the time and is retried until it succeeds.
    const { report, saga } = run(sagaScenario({
      rps: 20, durationMs: 30_000, pivot: 1, maxCompensationAttempts: 20, compensationBackoffMs: 10, noCompensation: [2],
      faults: [errorFault('s3', 0.5)],
    }));
    expect(saga.completed).toBe(saga.started - saga.inFlight);
    expect(saga.compensated + saga.stuck + saga.compensationAttempts).toBe(0);
    expect(report.nodes.c1.arrivals + report.nodes.c2.arrivals).toBe(0);
    // About one retry per try that succeeds: retries ≈ sagas × p/(1-p) = sagas.
    expect(saga.stepRetries / saga.completed).toBeGreaterThan(0.85);
    expect(saga.stepRetries / saga.completed).toBeLessThan(1.15);
    expect(report.nodes.s3.arrivals).toBe(report.nodes.s3.completed);
    expect(report.nodes.s3.arrivals).toBeGreaterThanOrEqual(saga.completed + saga.stepRetries);
  });

  it('a failure at or before the pivot is compensated; a retriable step that never succeeds is stuck', () => {
    const before = run(sagaScenario({ rps: 20, durationMs: 10_000, pivot: 1, noCompensation: [2], faults: [errorFault('s2')] })).saga;
    expect(before.compensated).toBe(before.started - before.inFlight);
    const after = run(sagaScenario({
      rps: 20, durationMs: 10_000, pivot: 1, noCompensation: [2], maxCompensationAttempts: 3, compensationBackoffMs: 10, faults: [errorFault('s3')],
    }));
    const s = after.saga;
    expect(s.stuck).toBe(s.started - s.inFlight);
    expect(s.stuckAt).toEqual({ s3: s.stuck });
    expect(s.compensationAttempts).toBe(0);
    expect(s.stepRetries).toBeGreaterThanOrEqual(2 * s.stuck);
    const logged = after.report.events.filter((e) => e.kind === 'saga-stuck');
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0].message).toContain('after the pivot');
  });
});

describe('saga: steps without a compensation and faults on the orchestrator', () => {
  it('undoes what it can, but a done step with no compensation leaves the saga uncompensated, not compensated', () => {
    const { report, saga } = run(sagaScenario({ rps: 20, durationMs: 10_000, noCompensation: [1], faults: [errorFault('s3')] }));
    expect(saga.compensated).toBe(0);
    expect(saga.uncompensated).toBe(saga.started - saga.inFlight);
    // Each finished saga called c1 once; one still undoing at the end may have called it already.
    expect(report.nodes.c1.arrivals - saga.uncompensated).toBeGreaterThanOrEqual(0);
    expect(report.nodes.c1.arrivals - saga.uncompensated).toBeLessThanOrEqual(saga.inFlight);
    expect(balance(saga)).toBe(0);
    const logged = report.events.filter((e) => e.kind === 'saga-uncompensated');
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0].message).toContain('"s2"');
  });

  it('a failure of the first step has nothing to undo: compensated', () => {
    const { saga } = run(sagaScenario({ rps: 20, durationMs: 10_000, noCompensation: [0, 1, 2], faults: [errorFault('s1')] }));
    expect(saga.compensated).toBe(saga.started - saga.inFlight);
    expect(saga.uncompensated).toBe(0);
  });

  it('an error fault on the saga answers 500 before any step runs', () => {
    const { report, saga } = run(sagaScenario({ rps: 20, durationMs: 10_000, faults: [errorFault('saga')] }));
    expect(saga.arrivals).toBeGreaterThan(150);
    expect(saga.started).toBe(0);
    expect(report.nodes.s1.arrivals).toBe(0);
    expect(report.clients.users.failedBy.error).toBe(saga.arrivals);
  });
});

describe('saga: determinism', () => {
  it('the same seed gives the same report', () => {
    const o = { rps: 30, durationMs: 20_000, tracing: 0.1, faults: [errorFault('s2', 0.3), { kind: 'kill-service', target: 'c1', atMs: 5000, durationMs: 3000 }] };
    expect(JSON.stringify(run(sagaScenario(o)).report)).toBe(JSON.stringify(run(sagaScenario(o)).report));
  });
});
