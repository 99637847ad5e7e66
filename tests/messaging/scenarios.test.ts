import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse';
import { q, run } from './helpers';

/** The example scenarios parse cleanly and show what their descriptions promise. */

function load(name: string) {
  const data = JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));
  const r = parseScenario(data);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  expect(r.warnings).toEqual([]);
  for (const n of r.scenario.nodes) {
    expect(n.label, n.id).toBeTruthy();
    expect(n.position, n.id).toBeTruthy();
  }
  expect(r.scenario.description!.length).toBeGreaterThan(100);
  return data;
}

describe('scenarios/queue-absorbs-burst.json', () => {
  it('the backlog rises during the spike and drains after it, while shoppers see no errors', () => {
    const r = run(load('queue-absorbs-burst'));
    const s = q(r, 'order-events');
    expect(s.maxDepth).toBeGreaterThan(2000);
    expect(s.depth).toBeLessThan(30);
    expect(s.lost).toBe(0);
    expect(r.clients.shoppers.failed).toBe(0);
    expect(r.clients.shoppers.latencyMs.p99).toBeLessThan(150);
    const depth = (r.series.nodes['order-events'] as unknown as Record<string, number[]>).depth;
    expect(depth[25]).toBeLessThan(30);
    expect(Math.max(...depth.slice(45, 55))).toBeGreaterThan(2000);
  });
});

describe('scenarios/queue-at-most-vs-at-least-once.json', () => {
  it('the Redis list loses what the crashed sender held; the SQS queue redelivers it', () => {
    const r = run(load('queue-at-most-vs-at-least-once'));
    const redis = q(r, 'redis-list'), sqs = q(r, 'sqs-queue');
    expect(redis.lost).toBeGreaterThan(10);
    expect(redis.redelivered).toBe(0);
    expect(sqs.lost).toBe(0);
    expect(sqs.redelivered).toBeGreaterThan(10);
    expect(sqs.deadLettered).toBe(0);
    expect(r.clients.checkout.failed).toBe(0);
  });
});

describe('scenarios/topic-fan-out.json', () => {
  it('every subscriber gets every order; the small e-mail service falls behind alone', () => {
    const r = run(load('topic-fan-out'));
    const t = q(r, 'order-placed');
    const subs = t.subscriptions!;
    for (const s of Object.values(subs)) expect(s.published).toBe(t.published);
    expect(subs['order-placed->email'].depth).toBeGreaterThan(800);
    expect(subs['order-placed->inventory'].maxDepth).toBeLessThan(30);
    expect(subs['order-placed->analytics-queue'].maxDepth).toBeLessThan(30);
    expect(q(r, 'analytics-queue').acked).toBeGreaterThan(t.published - 30);
    expect(r.clients.shoppers.failed).toBe(0);
  });
});
