import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../../scenario/parse';
import { createSimulation } from '../../simulation';
import { topicKind } from './index';

/* eslint-disable @typescript-eslint/no-explicit-any -- a kind's report fields are an untyped record */

describe('topic kind', () => {
  it("the palette's example is a valid topic", () => {
    expect(topicKind.schema.parse(topicKind.example('t'))).toMatchObject({ kind: 'topic', delivery: 'at-least-once' });
  });

  it('without subscribers accepts and drops every message; with them reports each subscription', () => {
    const scenario = (subscribers: string[]) => parseScenarioOrThrow({
      version: 1, name: 't', durationMs: 5000,
      nodes: [
        { id: 'users', kind: 'client', load: { rps: 20, arrival: 'constant' } },
        { id: 't', kind: 'topic' },
        ...subscribers.map((id) => ({ id, kind: 'service', serviceTimeMs: 5 })),
      ],
      edges: [{ from: 'users', to: 't' }, ...subscribers.map((id) => ({ from: 't', to: id }))],
    });
    const run = (subs: string[]) => {
      const sim = createSimulation(scenario(subs));
      sim.runUntil(5000);
      return sim.report();
    };
    const alone = run([]).nodes.t as any;
    // 20 a second, evenly spaced, over 5 s (the last one may still be on the wire).
    expect(alone.published).toBeGreaterThanOrEqual(99);
    expect(alone.depth).toBe(0);
    expect(alone.subscriptions).toEqual({});

    const r = run(['a', 'b']);
    const t = r.nodes.t as any;
    expect(Object.keys(t.subscriptions)).toEqual(['t->a', 't->b']);
    for (const s of Object.values(t.subscriptions) as any[]) {
      expect(s.published).toBe(t.published);
      expect(s.acked + s.depth).toBe(t.published);
    }
    expect(t.acked).toBe(t.subscriptions['t->a'].acked + t.subscriptions['t->b'].acked);
    expect(r.nodes.a.completed).toBe(t.subscriptions['t->a'].acked);
  });
});
