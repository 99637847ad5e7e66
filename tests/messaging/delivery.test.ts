import { describe, expect, it } from 'vitest';
import { balance, exp, pipe, q, run, simulate, type Json } from './helpers';

/** How messages reach consumers: pulled by idle workers, shared fairly, over ordinary edges. */

describe('competing consumers', () => {
  it('each consumer pulls as fast as its workers free up', () => {
    // 200/s into one queue; A serves 2 x 50 ms (40/s), B 6 x 50 ms (120/s): both saturated.
    const r = run(pipe({
      rps: 200, durationMs: 30_000,
      consumer: { concurrency: 2, serviceTimeMs: 50 },
      extraNodes: [{ id: 'worker2', kind: 'service', concurrency: 6, serviceTimeMs: 50 }],
      extraEdges: [{ from: 'jobs', to: 'worker2', latencyMs: 0 }],
    }), 2);
    expect(r.nodes.worker.throughput).toBeGreaterThan(39);
    expect(r.nodes.worker.throughput).toBeLessThan(40.5);
    expect(r.nodes.worker2.throughput).toBeGreaterThan(118);
    expect(r.nodes.worker2.throughput).toBeLessThan(121);
    // A pull consumer never queues in its own waiting room, and never refuses.
    expect(r.nodes.worker.rejected + r.nodes.worker2.rejected).toBe(0);
    expect(r.nodes.worker.meanQueueLength).toBe(0);
    expect(balance(q(r, 'jobs'))).toBe(0);
  });

  it('two queues feeding one consumer share it in turn', () => {
    const r = run({
      version: 1, name: 'two queues', durationMs: 30_000,
      nodes: [
        { id: 'users', kind: 'client', load: { rps: 100 } },
        { id: 'api', kind: 'service', concurrency: 1000, serviceTimeMs: 1, callOrder: 'parallel' },
        { id: 'a', kind: 'queue' }, { id: 'b', kind: 'queue' },
        { id: 'worker', kind: 'service', concurrency: 4, serviceTimeMs: 50 },
      ],
      edges: [
        { from: 'users', to: 'api' }, { from: 'api', to: 'a' }, { from: 'api', to: 'b' },
        { from: 'a', to: 'worker' }, { from: 'b', to: 'worker' },
      ],
    }, 3);
    // 200 messages/s against 80/s of capacity: each queue gets half of it.
    const a = q(r, 'a'), b = q(r, 'b');
    expect(Math.abs(a.acked - b.acked)).toBeLessThanOrEqual(2);
    // 4 workers, each busy 50 ms plus 2 ms on the wire per message: 76.9/s over 30 s.
    expect(a.acked + b.acked).toBeGreaterThan(2290);
    expect(a.acked + b.acked).toBeLessThan(2310);
  });

  it('a consumer that also answers direct calls is not sent more than it has workers for', () => {
    // The worker has a tiny waiting room (2); direct calls use part of it and of the workers.
    const r = run(pipe({
      rps: 40, durationMs: 30_000,
      consumer: { concurrency: 4, queueCapacity: 2, serviceTimeMs: exp(40) },
      extraNodes: [{ id: 'direct', kind: 'client', load: { rps: 30 } }],
      extraEdges: [{ from: 'direct', to: 'worker', latencyMs: 0 }],
    }), 5);
    const s = q(r, 'jobs');
    // Queue deliveries wait in the queue, not in the worker's room: none refused.
    expect(s.failedDeliveries).toBe(0);
    expect(s.lost).toBe(0);
    expect(balance(s)).toBe(0);
    expect(s.acked).toBeGreaterThan(1150);
    // The direct callers still get served (some 503s are theirs alone, from their own bursts).
    expect(r.clients.direct.ok).toBeGreaterThan(800);
  });
});

describe('delivery over the edge', () => {
  it('is an ordinary call: a timeout shorter than the work fails every delivery, which ends in the dead-letter queue', () => {
    const r = run(pipe({
      rps: 10, arrival: 'constant', durationMs: 20_000, load: { steps: [{ atMs: 5000, rps: 0 }] },
      queue: { visibilityTimeoutMs: 500, maxReceiveCount: 2, deadLetter: 'dlq' },
      consumer: { serviceTimeMs: 200 },
      extraNodes: [{ id: 'dlq', kind: 'queue' }],
    }));
    // Same scenario with a 100 ms timeout on the delivery edge.
    const s0 = q(r, 'jobs');
    expect(s0.deadLettered).toBe(0);
    const timed = pipe({
      rps: 10, arrival: 'constant', durationMs: 20_000, load: { steps: [{ atMs: 5000, rps: 0 }] },
      queue: { visibilityTimeoutMs: 500, maxReceiveCount: 2, deadLetter: 'dlq' },
      consumer: { serviceTimeMs: 200 },
      extraNodes: [{ id: 'dlq', kind: 'queue' }],
    });
    (timed.edges as Json[])[2] = { from: 'jobs', to: 'worker', latencyMs: 0, timeoutMs: 100 };
    const r2 = run(timed);
    const s = q(r2, 'jobs');
    expect(s.acked).toBe(0);
    expect(s.deadLettered).toBe(s.published);
    expect(r2.edges['jobs->worker'].timeouts).toBe(2 * s.published);
    expect(r2.edges['jobs->worker'].wastedMs).toBeGreaterThan(0);
  });

  it('topic -> queue -> consumer over zero-latency edges (answers within the same event)', () => {
    const r = run({
      version: 1, name: 'chain', durationMs: 20_000,
      nodes: [
        { id: 'users', kind: 'client', load: { rps: 100 } },
        { id: 't', kind: 'topic' },
        { id: 'q1', kind: 'queue', delivery: 'at-most-once' },
        { id: 'q2', kind: 'queue' },
        { id: 'w1', kind: 'service', concurrency: 8, serviceTimeMs: exp(30) },
        { id: 'w2', kind: 'service', concurrency: 8, serviceTimeMs: exp(30) },
      ],
      edges: [
        { from: 'users', to: 't', latencyMs: 0 },
        { from: 't', to: 'q1', latencyMs: 0 }, { from: 't', to: 'q2', latencyMs: 0 },
        { from: 'q1', to: 'w1', latencyMs: 0 }, { from: 'q2', to: 'w2', latencyMs: 0 },
      ],
    }, 9);
    const t = q(r, 't');
    for (const id of ['q1', 'q2']) {
      const s = q(r, id);
      expect(s.published).toBe(t.published);
      expect(balance(s)).toBe(0);
      expect(s.acked).toBeGreaterThan(t.published - 20);
    }
    expect(t.depth).toBe(0);
    expect(r.clients.users.failed).toBe(0);
  });
});

describe('runs', () => {
  const scenario = pipe({
    rps: 60, durationMs: 20_000,
    queue: { visibilityTimeoutMs: 300, maxReceiveCount: 3, deadLetter: 'dlq' },
    consumer: { instances: 2, serviceTimeMs: exp(60) },
    latencyMs: 1,
    faults: [{ kind: 'kill-instance', target: 'worker', atMs: 5000, durationMs: 3000 }, { kind: 'error', target: 'worker', rate: 0.2 }],
    extraNodes: [{ id: 'dlq', kind: 'queue' }],
  });

  it('are deterministic: the same seed gives the same report', () => {
    expect(JSON.stringify(run(scenario, 42))).toBe(JSON.stringify(run(scenario, 42)));
    expect(JSON.stringify(run(scenario, 42))).not.toBe(JSON.stringify(run(scenario, 43)));
  });

  it('show depth, in-flight messages, the oldest age and what delivery cost live', () => {
    const sim = simulate(scenario);
    sim.runUntil(7_900);
    const live = sim.snapshot().nodes.jobs.extra!;
    expect(Object.keys(live).sort()).toEqual(['deadLettered', 'depth', 'inFlight', 'lost', 'oldestAgeMs', 'redelivered']);
    const report = q(sim.report(), 'jobs');
    expect(live.depth).toBe(report.depth);
    expect([live.lost, live.redelivered, live.deadLettered]).toEqual([report.lost, report.redelivered, report.deadLettered]);
    expect(live.depth as number).toBeGreaterThan(0);
  });

  it('count statistics from the end of the warm-up', () => {
    const sim = simulate({ ...scenario, warmupMs: 10_000 });
    sim.runUntil(20_000);
    const s = q(sim.report(), 'jobs');
    expect(s.published).toBeGreaterThan(500);
    expect(s.published).toBeLessThan(700);
  });
});
