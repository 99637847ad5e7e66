import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse';
import { pipe, type Json } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases below edit scenario JSON freely */

const base = () => pipe({ rps: 10, durationMs: 10_000 }) as any;

function problems(s: Json) {
  const r = parseScenario(s);
  return r.ok ? [] : r.problems;
}

function warnings(s: Json) {
  const r = parseScenario(s);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.warnings;
}

describe('queue and topic fields', () => {
  it('accepts a queue with a dead-letter queue, and a topic fanning out into queues', () => {
    const s = base();
    s.nodes[2] = { id: 'jobs', kind: 'queue', maxReceiveCount: 3, deadLetter: 'dlq' };
    s.nodes.push({ id: 'dlq', kind: 'queue' }, { id: 't', kind: 'topic', deadLetter: 'dlq', maxReceiveCount: 5 });
    s.edges.push({ from: 't', to: 'jobs' }, { from: 't', to: 'worker' });
    expect(problems(s)).toEqual([]);
    expect(warnings(s)).toEqual([]);
  });

  it('deadLetter must name a queue (that exists and is not the queue itself)', () => {
    for (const [target, msg] of [['nope', /unknown node "nope"/], ['worker', /"worker" is a service: deadLetter must name a queue/], ['jobs', /its own dead-letter queue/]] as const) {
      const s = base();
      s.nodes[2].deadLetter = target;
      s.nodes[2].maxReceiveCount = 3;
      const p = problems(s);
      expect(p).toHaveLength(1);
      expect(p[0].path).toBe('nodes[2].deadLetter');
      expect(p[0].message).toMatch(msg);
    }
  });

  it("a queue's edge must go to a service, database or gateway; a topic's may also go to a queue", () => {
    const s = base();
    s.nodes.push({ id: 'other', kind: 'queue' });
    s.edges.push({ from: 'jobs', to: 'other' });
    const p = problems(s);
    expect(p).toHaveLength(1);
    expect(p[0].path).toBe('edges[3].to');
    expect(p[0].message).toMatch(/gateway, service or database, not the queue "other"/);

    const t = base();
    t.nodes.push({ id: 't', kind: 'topic' }, { id: 't2', kind: 'topic' });
    t.edges.push({ from: 't', to: 'jobs' }, { from: 't', to: 't2' });
    const pt = problems(t);
    expect(pt).toHaveLength(1);
    expect(pt[0].message).toMatch(/gateway, service, database or queue, not the topic "t2"/);
  });

  it('warns when redrive settings cannot take effect', () => {
    const s = base();
    s.nodes.push({ id: 'dlq', kind: 'queue' });
    s.nodes[2] = { id: 'jobs', kind: 'queue', delivery: 'at-most-once', deadLetter: 'dlq' };
    expect(warnings(s)[0]).toMatch(/at-most-once.*no effect/);
    s.nodes[2] = { id: 'jobs', kind: 'queue', maxReceiveCount: 4 };
    expect(warnings(s)[0]).toMatch(/no deadLetter: messages received 4 times are dropped/);
  });

  it('publishing to a queue breaks a call cycle (it does not wait for the consumer)', () => {
    const s = base();
    s.edges.push({ from: 'worker', to: 'producer' });
    expect(problems(s)).toEqual([]);
  });
});
