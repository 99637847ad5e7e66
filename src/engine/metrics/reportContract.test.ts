import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import { createSimulation } from '../simulation';

/* eslint-disable @typescript-eslint/no-explicit-any -- reports are walked by field name, as the CLI contract does */

/**
 * KNOWN GAP (contract): the scenario schema accepts `queue` nodes and a service's
 * `autoscale` (commit 2602f22, "schemas"), but the engine does not implement them yet:
 *  - the queue kind builds a bare NodeRt (src/engine/kinds/queue/index.ts, build), so every
 *    request sent to a queue is rejected: in the scenario below all 3000 user requests fail
 *    as "rejected" and the worker behind the queue never runs;
 *  - the report has none of the queue fields the CLI contract promises (published, delivered,
 *    acked, lost, redelivered, deadLettered, maxDepth) and no cost.total.
 * /work/shared/checks/contract.mjs reports the same 8 missing fields. Fix: implement the
 * queue behaviour and the cost report (or have the scenario layer refuse these fields until
 * they run). When fixed, turn these `it.fails` into `it`.
 */
const SCALING = {
  version: 1, name: 'contract-scaling', seed: 1, durationMs: 60_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 50, arrival: 'poisson' } },
    { id: 'api', kind: 'service', instances: 2, concurrency: 2, serviceTimeMs: 10, startupMs: 5000, autoscale: { minReplicas: 1, maxReplicas: 4, targetUtilization: 0.5 } },
    { id: 'q', kind: 'queue', delivery: 'at-least-once', visibilityTimeoutMs: 5000, maxReceiveCount: 3 },
    { id: 'worker', kind: 'service', instances: 1, concurrency: 2, serviceTimeMs: 5 },
  ],
  edges: [{ from: 'users', to: 'api' }, { from: 'api', to: 'q' }, { from: 'q', to: 'worker' }],
};

function run(): any {
  const r = parseScenario(SCALING);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const sim = createSimulation(r.scenario);
  sim.runUntil(sim.durationMs);
  return sim.report();
}

describe('KNOWN GAP: queue and scaling in the report contract', () => {
  it('(for contrast) the scenario is accepted', () => {
    expect(parseScenario(SCALING).ok).toBe(true);
  });

  it('a queue accepts the messages and the worker behind it consumes them', () => {
    const r = run();
    expect(r.clients.users.failed).toBe(0);
    expect(r.nodes.worker.completed).toBeGreaterThan(2500);
  });

  it('the report has the queue counters and cost.total', () => {
    const r = run();
    for (const k of ['published', 'delivered', 'acked', 'lost', 'redelivered', 'deadLettered', 'maxDepth']) expect(r.nodes.q, k).toHaveProperty(k);
    expect(r.cost?.total).toBeTypeOf('number');
  });
});
