import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../../scenario/parse';
import { createSimulation } from '../../simulation';
import { queueKind } from './index';

/* eslint-disable @typescript-eslint/no-explicit-any -- a kind's report fields are an untyped record */

describe('queue kind', () => {
  it("the palette's example is a valid queue with the SQS defaults", () => {
    const node = queueKind.schema.parse(queueKind.example('q'));
    expect(node).toMatchObject({ delivery: 'at-least-once', visibilityTimeoutMs: 30_000 });
  });

  it('publishing answers at once; the report, series and live view carry the queue fields', () => {
    const sim = createSimulation(parseScenarioOrThrow({
      version: 1, name: 'q', durationMs: 5000,
      nodes: [
        { id: 'users', kind: 'client', load: { rps: 100, arrival: 'constant' } },
        { id: 'q', kind: 'queue' },
      ],
      edges: [{ from: 'users', to: 'q', latencyMs: 1 }],
    }));
    sim.runUntil(5000);
    const r = sim.report();
    // No consumer: everything published stays, and the publisher waited only for the round trip.
    expect(r.clients.users.latencyMs.max).toBe(2);
    const q = r.nodes.q as any;
    for (const k of ['published', 'delivered', 'acked', 'lost', 'redelivered', 'deadLettered', 'rejected', 'depth', 'maxDepth', 'oldestAgeMs']) expect(q, k).toHaveProperty(k);
    expect(q.published).toBe(q.depth);
    expect(q.oldestAgeMs).toBeGreaterThan(4900);
    const series = r.series.nodes.q as any;
    expect(series.depth).toHaveLength(5);
    expect(series.depth[4]).toBeGreaterThan(490);
    expect(series.oldestAgeMs[4]).toBeGreaterThan(4900);
    expect(series.queueLength[4]).toBeGreaterThan(400);
    expect(sim.snapshot().nodes.q.extra).toMatchObject({ depth: q.depth, inFlight: 0 });
  });
});
