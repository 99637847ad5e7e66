import { describe, expect, it } from 'vitest';
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
