import { describe, expect, it } from 'vitest';
import { balance, exp, pipe, q, run } from './helpers';

/**
 * The two delivery guarantees under a consumer crash, and redrive to a dead-letter queue
 * (shared/design/semantics.md §9: Redis LPUSH/BRPOP vs SQS visibility timeout + DeleteMessage
 * + maxReceiveCount).
 */

/** users -> api -> (redis: at-most-once, sqs: at-least-once) -> two identical consumers, both killed at 20 s for 5 s. */
function sideBySide(seed: number) {
  const consumer = (id: string) => ({ id, kind: 'service', instances: 2, concurrency: 4, serviceTimeMs: exp(50) });
  return run({
    version: 1, name: 'crash', seed, durationMs: 60_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 100 } },
      { id: 'api', kind: 'service', instances: 1, concurrency: 1000, serviceTimeMs: 1, callOrder: 'parallel' },
      { id: 'redis', kind: 'queue', delivery: 'at-most-once' },
      { id: 'sqs', kind: 'queue', delivery: 'at-least-once', visibilityTimeoutMs: 5000 },
      consumer('w1'), consumer('w2'),
    ],
    edges: [
      { from: 'users', to: 'api' }, { from: 'api', to: 'redis' }, { from: 'api', to: 'sqs' },
      { from: 'redis', to: 'w1' }, { from: 'sqs', to: 'w2' },
    ],
    faults: [
      { kind: 'kill-service', target: 'w1', atMs: 20_000, durationMs: 5000 },
      { kind: 'kill-service', target: 'w2', atMs: 20_000, durationMs: 5000 },
    ],
  });
}

describe('a consumer crash', () => {
  for (const seed of [1, 2, 3]) {
    it(`loses the messages it held under at-most-once, none under at-least-once (seed ${seed})`, () => {
      const r = sideBySide(seed);
      const amo = q(r, 'redis'), alo = q(r, 'sqs');
      // Same traffic into both.
      expect(amo.published).toBe(alo.published);
      expect(amo.published).toBeGreaterThan(5500);

      // At-most-once: what the crash failed is gone; nothing is ever delivered twice.
      expect(amo.lost).toBeGreaterThan(0);
      expect(amo.lost).toBe(amo.failedDeliveries);
      expect(amo.redelivered).toBe(0);
      expect(amo.delivered).toBe(amo.acked + amo.lost + amo.inFlight);
      expect(balance(amo)).toBe(0);
      expect(amo.acked).toBe(amo.published - amo.lost - amo.depth);

      // At-least-once: nothing lost; the messages the crash failed came back after the
      // visibility timeout and were processed then.
      expect(alo.lost).toBe(0);
      expect(alo.redelivered).toBeGreaterThan(0);
      expect(alo.redelivered).toBe(alo.failedDeliveries);
      expect(alo.acked + alo.depth).toBe(alo.published);
      expect(balance(alo)).toBe(0);

      // The crash failed about as many deliveries on each side (the consumers' work in progress).
      expect(alo.failedDeliveries).toBeGreaterThan(0);
      expect(Math.abs(alo.failedDeliveries - amo.failedDeliveries)).toBeLessThanOrEqual(10);

      // The producers' clients saw no error at all.
      expect(r.clients.users.failed).toBe(0);
    });
  }

  it('is also lost at-most-once, and redelivered at-least-once, when one of two instances is killed', () => {
    const mk = (delivery: string) => run(pipe({
      rps: 100, durationMs: 40_000,
      queue: { delivery, visibilityTimeoutMs: 3000 },
      consumer: { instances: 2, concurrency: 4, serviceTimeMs: exp(50) },
      faults: [{ kind: 'kill-instance', target: 'worker', atMs: 10_000, durationMs: 10_000 }],
    }), 4);
    const amo = q(mk('at-most-once'), 'jobs');
    const alo = q(mk('at-least-once'), 'jobs');
    expect(amo.lost).toBeGreaterThan(0);
    expect(alo.lost).toBe(0);
    expect(alo.redelivered).toBeGreaterThan(0);
    expect(balance(amo)).toBe(0);
    expect(balance(alo)).toBe(0);
  });
});

describe('a poison message', () => {
  it('is received maxReceiveCount times and then moved to the dead-letter queue', () => {
    // Every delivery fails (an error fault of rate 1 on the consumer): every message is poison.
    const r = run(pipe({
      rps: 20, arrival: 'constant', durationMs: 20_000, load: { steps: [{ atMs: 10_000, rps: 0 }] },
      queue: { delivery: 'at-least-once', visibilityTimeoutMs: 1000, maxReceiveCount: 3, deadLetter: 'dlq' },
      consumer: { serviceTimeMs: 10 },
      faults: [{ kind: 'error', target: 'worker', rate: 1 }],
      extraNodes: [{ id: 'dlq', kind: 'queue' }],
    }));
    const s = q(r, 'jobs'), dlq = q(r, 'dlq');
    // 20 a second, evenly spaced, for 10 s (the 200th falls on the step that stops the load).
    const n = s.published;
    expect(n).toBeGreaterThanOrEqual(199);
    expect(n).toBeLessThanOrEqual(200);
    expect(s.acked).toBe(0);
    expect(s.lost).toBe(0);
    expect(s.deadLettered).toBe(n);
    expect(s.delivered).toBe(3 * n);
    expect(s.redelivered).toBe(2 * n);
    expect(s.failedDeliveries).toBe(3 * n);
    expect(s.depth).toBe(0);
    expect(dlq.published).toBe(n);
    expect(dlq.depth).toBe(n);
    // The producer's clients never knew.
    expect(r.clients.users.failed).toBe(0);
  });

  it('with failures at random, a message is dead-lettered with probability rate^maxReceiveCount', () => {
    // Each delivery fails with p = 0.5 independently: P(3 failures in a row) = 0.125.
    const r = run(pipe({
      rps: 50, durationMs: 60_000, load: { steps: [{ atMs: 50_000, rps: 0 }] },
      queue: { delivery: 'at-least-once', visibilityTimeoutMs: 500, maxReceiveCount: 3, deadLetter: 'dlq' },
      consumer: { serviceTimeMs: exp(20) },
      faults: [{ kind: 'error', target: 'worker', rate: 0.5 }],
      extraNodes: [{ id: 'dlq', kind: 'queue' }],
    }), 7);
    const s = q(r, 'jobs');
    expect(s.depth).toBe(0);
    expect(s.acked + s.deadLettered).toBe(s.published);
    // ~2500 messages: the binomial share's standard deviation is 0.0066; allow 4 of them.
    expect(Math.abs(s.deadLettered / s.published - 0.125)).toBeLessThan(0.027);
    expect(q(r, 'dlq').published).toBe(s.deadLettered);
  });

  it('without a deadLetter queue is dropped after maxReceiveCount receives (counted as lost)', () => {
    const r = run(pipe({
      rps: 10, arrival: 'constant', durationMs: 10_000, load: { steps: [{ atMs: 5000, rps: 0 }] },
      queue: { delivery: 'at-least-once', visibilityTimeoutMs: 500, maxReceiveCount: 2 },
      consumer: { serviceTimeMs: 5 },
      faults: [{ kind: 'error', target: 'worker', rate: 1 }],
    }));
    const s = q(r, 'jobs');
    const n = s.published;
    expect(n).toBeGreaterThanOrEqual(49);
    expect(s.lost).toBe(n);
    expect(s.deadLettered).toBe(0);
    expect(s.delivered).toBe(2 * n);
  });
});

describe('at-least-once with work longer than the visibility timeout', () => {
  it('delivers messages again while the first delivery is still being processed (duplicates)', () => {
    // Mean processing 80 ms against a 100 ms visibility timeout: about 29% of deliveries are too slow.
    const r = run(pipe({
      rps: 20, durationMs: 60_000, load: { steps: [{ atMs: 50_000, rps: 0 }] },
      queue: { delivery: 'at-least-once', visibilityTimeoutMs: 100 },
      consumer: { concurrency: 8, serviceTimeMs: exp(80) },
    }), 3);
    const s = q(r, 'jobs');
    expect(s.redelivered).toBeGreaterThan(0);
    expect(s.duplicates).toBeGreaterThan(0);
    expect(s.acked).toBeLessThanOrEqual(s.published);
    expect(s.acked + s.depth).toBe(s.published);
    expect(s.delivered).toBe(s.published + s.redelivered);
    // The consumer did more successful work than there were messages: some twice.
    const worker = r.nodes.worker;
    expect(worker.completed - worker.failed).toBe(s.acked + s.duplicates);
    expect(worker.completed).toBeGreaterThan(s.published);
  });

  it('has no duplicates when the work always fits in the timeout', () => {
    const r = run(pipe({
      rps: 20, durationMs: 30_000,
      queue: { delivery: 'at-least-once', visibilityTimeoutMs: 30_000 },
      consumer: { serviceTimeMs: exp(40) },
    }), 3);
    const s = q(r, 'jobs');
    expect(s.redelivered).toBe(0);
    expect(s.duplicates).toBe(0);
    expect(balance(s)).toBe(0);
  });
});
