import { beforeAll, describe, expect, it } from 'vitest';
import { erlangC } from '../helpers/theory';
import { balance, exp, pipe, q, type QueueStats, run, simulate } from './helpers';

/** What a queue does for its producers: absorb a consumer outage, bound its size, obey Little's law. */

describe('a consumer outage', () => {
  // 50 messages a second, evenly spaced; the consumer serves 10 x 100 ms = 100 a second
  // (deterministic), and is down from 20 s to 40 s.
  const scenario = pipe({
    rps: 50, arrival: 'constant', durationMs: 80_000,
    queue: { delivery: 'at-least-once', visibilityTimeoutMs: 30_000 },
    consumer: { instances: 2, concurrency: 5, serviceTimeMs: 100 },
    faults: [{ kind: 'kill-service', target: 'worker', atMs: 20_000, durationMs: 20_000 }],
  });

  it('makes the backlog grow at the publish rate while the producers see no error, then drain at capacity minus the publish rate', () => {
    const sim = simulate(scenario);
    const depthAt = (t: number) => {
      sim.runUntil(t);
      return q(sim.report(), 'jobs').depth;
    };
    expect(depthAt(19_000)).toBeLessThanOrEqual(10);
    const d21 = depthAt(21_000), d39 = depthAt(39_000);
    const growth = (d39 - d21) / 18;
    // Evenly spaced publishes: 50/s within one message per second over 18 s.
    expect(growth).toBeGreaterThan(49);
    expect(growth).toBeLessThan(51);
    // Nothing was consumed during the outage: the oldest message is as old as the outage.
    expect(q(sim.report(), 'jobs').oldestAgeMs).toBeGreaterThan(18_500);

    const d42 = depthAt(42_000), d54 = depthAt(54_000);
    const drain = (d42 - d54) / 12;
    // Capacity 100/s - publishing 50/s = 50/s (allow 4 %).
    expect(drain).toBeGreaterThan(48);
    expect(drain).toBeLessThan(52);
    sim.runUntil(sim.durationMs);
    const r = sim.report();
    const s = q(r, 'jobs');
    expect(s.depth).toBeLessThanOrEqual(10);
    expect(s.maxDepth).toBeGreaterThan(990);
    expect(s.maxDepth).toBeLessThan(1015);
    expect(s.lost).toBe(0);
    expect(balance(s)).toBe(0);
    expect(r.clients.users.failed).toBe(0);
    expect(r.clients.users.sent).toBeGreaterThan(3990);

    // The depth series tells the same story second by second.
    const series = r.series.nodes.jobs as unknown as Record<string, number[]>;
    expect(series.depth).toHaveLength(80);
    expect(Math.max(...series.depth)).toBeGreaterThan(990);
    expect(Math.max(...series.oldestAgeMs)).toBeGreaterThan(19_000);
  });

  it('with synchronous calls instead, the callers would have seen the outage as errors', () => {
    // The contrast the queue exists for: the same outage behind a plain call.
    const r = run({
      version: 1, name: 'sync', durationMs: 60_000,
      nodes: [
        { id: 'users', kind: 'client', load: { rps: 50, arrival: 'constant' } },
        { id: 'worker', kind: 'service', instances: 2, concurrency: 5, serviceTimeMs: 100 },
      ],
      edges: [{ from: 'users', to: 'worker', latencyMs: 0 }],
      faults: [{ kind: 'kill-service', target: 'worker', atMs: 20_000, durationMs: 20_000 }],
    });
    expect(r.clients.users.failed).toBeGreaterThan(990);
  });
});

describe('capacity', () => {
  it('refuses a publish to a full queue, and the producer\'s caller sees it as rejected', () => {
    // Nobody consumes (the consumer is down all along): the queue fills to 100 and then refuses.
    const r = run(pipe({
      rps: 50, arrival: 'constant', durationMs: 10_000,
      queue: { capacity: 100 },
      faults: [{ kind: 'kill-service', target: 'worker', atMs: 0 }],
    }));
    const s = q(r, 'jobs');
    expect(s.published).toBe(100);
    expect(s.depth).toBe(100);
    expect(s.rejected).toBeGreaterThanOrEqual(399);
    expect(r.nodes.jobs.rejected).toBe(s.rejected);
    expect(r.clients.users.failedBy.rejected).toBe(s.rejected);
    expect(r.clients.users.ok).toBe(100);
  });

  it('at-most-once counts only the messages still in the list (taken ones have left it)', () => {
    // A slow consumer holds 4 messages being worked on; the list itself holds at most 10.
    const r = run(pipe({
      rps: 50, arrival: 'constant', durationMs: 10_000,
      queue: { delivery: 'at-most-once', capacity: 10 },
      consumer: { concurrency: 4, serviceTimeMs: 1000 },
    }));
    const s = q(r, 'jobs');
    expect(s.maxDepth).toBe(14);
    expect(s.visible).toBe(10);
    expect(s.inFlight).toBe(4);
    expect(s.rejected).toBeGreaterThan(400);
    expect(balance(s)).toBe(0);
  });
});

describe("Little's law on the queue", () => {
  // Poisson 80/s into a queue drained by 4 workers with exponential 40 ms work (rho 0.8) over
  // zero-latency edges: the queue is the waiting room of an M/M/4, so its wait is Erlang C's.
  const lambda = 0.08, mu = 1 / 40, c = 4;
  const scenario = pipe({
    rps: 80, durationMs: 1_500_000,
    queue: { delivery: 'at-least-once' },
    consumer: { instances: 1, concurrency: c, serviceTimeMs: exp(40) },
  });
  let s: QueueStats;
  beforeAll(() => {
    s = q(run(scenario, 11), 'jobs');
  });

  it('mean backlog = publish rate x mean wait, and mean depth = publish rate x mean time in the queue (2 %)', () => {
    const rate = s.published / 1_500_000;
    expect(Math.abs(s.meanVisible / (rate * s.meanWaitMs) - 1)).toBeLessThan(0.02);
    expect(Math.abs(s.meanDepth / (rate * s.meanTimeInQueueMs) - 1)).toBeLessThan(0.02);
    // In flight = being served: L - Lq = lambda / mu = 3.2.
    expect(Math.abs(s.meanDepth - s.meanVisible - lambda / mu) / (lambda / mu)).toBeLessThan(0.03);
  });

  it('the wait in the queue matches M/M/4 (Erlang C) within 8 %', () => {
    const wq = erlangC(c, lambda / mu) / (c * mu - lambda);
    expect(Math.abs(s.meanWaitMs / wq - 1)).toBeLessThan(0.08);
    expect(s.redelivered).toBe(0);
    expect(balance(s)).toBe(0);
  });
});
