import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { balance, exp, q, type QueueStats, run, type Json } from './helpers';

/**
 * users -> api -> events (topic) -> fast, slow (services) and audit (a queue, drained by auditor).
 * 40 messages a second; "fast" serves 4 x 20 ms (200/s), "slow" 1 x 50 ms (20/s: it falls behind).
 */
function fanOut(withSlow: boolean, extra: Json = {}): Json {
  return {
    version: 1, name: 'fan-out', durationMs: 60_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 40 } },
      { id: 'api', kind: 'service', instances: 1, concurrency: 1000, serviceTimeMs: 1 },
      { id: 'events', kind: 'topic', ...extra },
      { id: 'fast', kind: 'service', instances: 1, concurrency: 4, serviceTimeMs: exp(20) },
      ...(withSlow ? [{ id: 'slow', kind: 'service', instances: 1, concurrency: 1, serviceTimeMs: 50 }] : []),
      { id: 'audit', kind: 'queue' },
      { id: 'auditor', kind: 'service', instances: 1, concurrency: 2, serviceTimeMs: exp(10) },
    ],
    edges: [
      { from: 'users', to: 'api' }, { from: 'api', to: 'events' },
      { from: 'events', to: 'fast' },
      ...(withSlow ? [{ from: 'events', to: 'slow' }] : []),
      { from: 'events', to: 'audit' },
      { from: 'audit', to: 'auditor' },
    ],
  };
}

describe('a topic', () => {
  let r: Report, t: QueueStats, subs: Record<string, QueueStats>;
  beforeAll(() => {
    r = run(fanOut(true), 5);
    t = q(r, 'events');
    subs = t.subscriptions!;
  });

  it('gives every subscriber its own copy of every message', () => {
    expect(Object.keys(subs).sort()).toEqual(['events->audit', 'events->fast', 'events->slow']);
    expect(t.published).toBeGreaterThan(2300);
    for (const s of Object.values(subs)) {
      expect(s.published).toBe(t.published);
      expect(balance(s)).toBe(0);
      expect(s.lost).toBe(0);
    }
    // The fast subscriber and the audit queue keep up: (nearly) all processed.
    expect(subs['events->fast'].acked).toBeGreaterThan(t.published - 10);
    expect(subs['events->audit'].acked).toBeGreaterThan(t.published - 10);
    // The queue behind the topic received every copy as a publish, and its consumer processed them.
    const audit = q(r, 'audit');
    expect(audit.published).toBe(subs['events->audit'].acked);
    expect(audit.acked).toBeGreaterThan(audit.published - 10);
    // Totals: copies summed over the subscriptions.
    expect(t.acked).toBe(Object.values(subs).reduce((a, s) => a + s.acked, 0));
    expect(t.depth).toBe(Object.values(subs).reduce((a, s) => a + s.depth, 0));
  });

  it("lets a slow subscriber's backlog grow without touching the fast one", () => {
    const slow = subs['events->slow'], fast = subs['events->fast'];
    // The slow one processes 20/s of 40/s: after 60 s about 1200 are waiting.
    expect(slow.acked).toBeGreaterThan(1150);
    expect(slow.acked).toBeLessThan(1210);
    expect(slow.depth).toBeGreaterThan(1050);
    expect(slow.oldestAgeMs).toBeGreaterThan(25_000);
    expect(t.maxDepth).toBe(slow.maxDepth);
    // The fast one never has more than a handful waiting, and waits as it would alone.
    expect(fast.maxDepth).toBeLessThan(20);
    const alone = q(run(fanOut(false), 5), 'events').subscriptions!['events->fast'];
    expect(alone.published).toBe(fast.published);
    expect(Math.abs(fast.meanTimeInQueueMs - alone.meanTimeInQueueMs)).toBeLessThan(0.1 * alone.meanTimeInQueueMs);
    // The producers' callers never wait for any subscriber.
    expect(r.clients.users.failed).toBe(0);
    expect(r.clients.users.latencyMs.p99).toBeLessThan(10);
  });

  it('with a capacity, drops the copies of a full subscription only (the publisher is not told)', () => {
    const r2 = run(fanOut(true, { capacity: 100 }), 5);
    const t2 = q(r2, 'events');
    const slow = t2.subscriptions!['events->slow'], fast = t2.subscriptions!['events->fast'];
    expect(slow.maxDepth).toBe(100);
    expect(slow.rejected).toBeGreaterThan(1000);
    expect(slow.published + slow.rejected).toBe(t2.published);
    expect(fast.rejected).toBe(0);
    expect(fast.published).toBe(t2.published);
    expect(r2.clients.users.failed).toBe(0);
  });

  it("an edge's probability is the share of messages the subscription's filter lets through", () => {
    const s = fanOut(false);
    (s.edges as Json[])[2] = { from: 'events', to: 'fast', probability: 0.25 };
    const r3 = run(s, 5);
    const t3 = q(r3, 'events');
    const share = t3.subscriptions!['events->fast'].published / t3.published;
    expect(Math.abs(share - 0.25)).toBeLessThan(0.04);
    expect(t3.subscriptions!['events->audit'].published).toBe(t3.published);
  });
});
