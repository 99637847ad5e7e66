import { describe, expect, it } from 'vitest';
import { autoscaleSchema } from '../engine/scaling/autoscaleSchema';
import { createSimulation } from '../engine/simulation';
import { defaultScenario } from './defaultScenario';
import { liveDiff } from './liveDiff';
import type { Scenario } from './types';

const edit = (fn: (s: Scenario) => void): [Scenario, Scenario] => {
  const a = defaultScenario();
  const b = structuredClone(a);
  fn(b);
  return [a, b];
};

describe('liveDiff', () => {
  it('sends instance and rate edits as live changes', () => {
    const [a, b] = edit((s) => {
      const p = s.nodes.find((n) => n.id === 'product');
      if (p?.kind === 'service') p.instances = 6;
      const c = s.nodes.find((n) => n.id === 'shoppers');
      if (c?.kind === 'client' && 'rps' in c.load) c.load.rps = 300;
    });
    expect(liveDiff(a, b)).toEqual({ kind: 'changes', changes: [
      { type: 'setRps', node: 'shoppers', rps: 300 },
      { type: 'setInstances', node: 'product', instances: 6 },
    ] });
  });

  it('sends any call setting as a live setEdge', () => {
    const [a, b] = edit((s) => {
      s.edges[0].timeoutMs = 250;
    });
    expect(liveDiff(a, b)).toEqual({ kind: 'changes', changes: [{ type: 'setEdge', edge: b.edges[0] }] });
  });

  it('sends a service size and autoscaler as live changes, and their removal as the defaults', () => {
    const autoscale = autoscaleSchema.parse({ minReplicas: 2, maxReplicas: 6 });
    const [a, b] = edit((s) => {
      const p = s.nodes.find((n) => n.id === 'product');
      if (p?.kind === 'service') Object.assign(p, { size: 'large', autoscale });
    });
    expect(liveDiff(a, b)).toEqual({ kind: 'changes', changes: [
      { type: 'setSize', node: 'product', size: 'large' },
      { type: 'setAutoscale', node: 'product', autoscale },
    ] });
    expect(liveDiff(b, a)).toEqual({ kind: 'changes', changes: [
      { type: 'setSize', node: 'product', size: 'small' },
      { type: 'setAutoscale', node: 'product', autoscale: null },
    ] });
  });

  it('makes changes the engine applies to a running simulation', () => {
    const [a, b] = edit((s) => {
      const p = s.nodes.find((n) => n.id === 'product');
      if (p?.kind === 'service') Object.assign(p, { size: 'medium', autoscale: autoscaleSchema.parse({ maxReplicas: 5 }) });
    });
    const diff = liveDiff(a, b);
    if (diff.kind !== 'changes') throw new Error(`expected live changes, got ${diff.kind}`);
    const sim = createSimulation(a);
    sim.runUntil(5000);
    for (const change of diff.changes) sim.apply(change);
    sim.runUntil(40_000);
    const log = sim.report().events.filter((e) => e.node === 'product').map((e) => e.message);
    expect(log).toContain('product: autoscaler on (1..5 replicas, target utilization 0.50)');
    expect(log.some((m) => m.startsWith('product: small -> medium'))).toBe(true);
  });

  it('sends the scenario\'s length live: Play then stops at the new end', () => {
    const [a, b] = edit((s) => void (s.durationMs = 120_000));
    const diff = liveDiff(a, b);
    expect(diff).toEqual({ kind: 'changes', changes: [{ type: 'setDuration', durationMs: 120_000 }] });
    const sim = createSimulation(a);
    if (diff.kind === 'changes') for (const change of diff.changes) sim.apply(change);
    expect(sim.durationMs).toBe(120_000);
    expect(sim.report().durationMs).toBe(120_000);
  });

  it('ignores moves and renames', () => {
    const [a, b] = edit((s) => {
      s.nodes[0].position = { x: 999, y: 1 };
      s.nodes[0].label = 'Someone';
    });
    expect(liveDiff(a, b)).toEqual({ kind: 'none' });
  });

  it('asks for a restart when the topology or a non-live field changes', () => {
    const [a, b] = edit((s) => void s.edges.pop());
    expect(liveDiff(a, b)).toMatchObject({ kind: 'restart', reason: 'the topology' });
    const [c, d] = edit((s) => {
      const p = s.nodes.find((n) => n.id === 'product');
      if (p?.kind === 'service') p.queueCapacity = 5;
    });
    expect(liveDiff(c, d)).toEqual({ kind: 'restart', reason: 'product.queueCapacity' });
  });
});
