import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../scenario/parse';
import { createSimulation } from '../simulation';

/**
 * The live snapshot carries every count a preset's story asks the reader to watch, and each
 * agrees with the report the CLI prints for the same moment.
 */
const preset = (name: string) => parseScenarioOrThrow(JSON.parse(readFileSync(new URL(`../../../scenarios/${name}.json`, import.meta.url), 'utf8')));

function at(name: string, ms: number) {
  const sim = createSimulation(preset(name));
  sim.runUntil(ms);
  return { live: sim.snapshot(), report: sim.report() as unknown as { nodes: Record<string, Record<string, unknown>>; edges: Record<string, Record<string, unknown>>; cost: { perHour: Record<string, number> } } };
}

describe('live counters in the snapshot', () => {
  it('a queue reports what it lost, redelivered and dead-lettered', () => {
    const { live, report } = at('queue-at-most-vs-at-least-once', 90_000);
    const redis = live.nodes['redis-list'].extra!, sqs = live.nodes['sqs-queue'].extra!;
    expect(redis.lost).toBeGreaterThan(0);
    expect(redis.redelivered).toBe(0);
    expect(sqs.lost).toBe(0);
    expect(sqs.redelivered).toBeGreaterThan(0);
    for (const id of ['redis-list', 'sqs-queue']) {
      expect(live.nodes[id].extra!.lost).toBe(report.nodes[id].lost);
      expect(live.nodes[id].extra!.redelivered).toBe(report.nodes[id].redelivered);
    }
    // Only a queue with a dead-letter queue says how many it moved there.
    expect('deadLettered' in redis).toBe(false);
    expect(sqs.deadLettered).toBe(report.nodes['sqs-queue'].deadLettered);
  });

  it("a topic reports each subscriber's own backlog", () => {
    const { live, report } = at('topic-fan-out', 60_000);
    const extra = live.nodes['order-placed'].extra!;
    const subs = report.nodes['order-placed'].subscriptions as Record<string, { depth: number }>;
    for (const to of ['inventory', 'email', 'analytics-queue']) expect(extra[`depth:${to}`], to).toBe(subs[`order-placed->${to}`].depth);
    expect(extra['depth:email']).toBeGreaterThan(100);
    expect(extra['depth:inventory']).toBeLessThan(10);
    expect(extra['oldestAgeMs:email']).toBeGreaterThan(extra['oldestAgeMs:inventory'] as number);
  });

  it('a service with sticky sessions reports the sessions it lost', () => {
    const { live, report } = at('sticky-sessions', 60_000);
    expect(live.nodes['cart-sticky'].extra!.sessionsLost).toBeGreaterThan(100);
    expect(live.nodes['cart-sticky'].extra!.sessionsLost).toBe(report.nodes['cart-sticky'].sessionsLost);
    expect('sessionsLost' in live.nodes['cart-store'].extra!).toBe(false);
  });

  it('an edge with a fallback reports how many failed calls it answered', () => {
    const { live, report } = at('fallback', 30_000);
    const fallbacks = live.edges['product->recommendations'].fallbacks;
    expect(fallbacks).toBeGreaterThan(100);
    expect(fallbacks).toBe(report.edges['product->recommendations'].fallbacks);
    expect(live.edges['shoppers->product'].fallbacks).toBeUndefined();
  });

  it('every service says what it costs per hour now', () => {
    const { live, report } = at('monolith', 10_000);
    expect(live.nodes.shop.extra!.costPerHour).toBe(report.cost.perHour.shop);
    expect(live.nodes.shop.extra!.costPerHour).toBeCloseTo(0.384, 6);
    expect(live.nodes['shop-db'].extra).toBeUndefined();
  });
});
