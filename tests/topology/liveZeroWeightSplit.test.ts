import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse';
import { simulate, type Data } from './helpers';

/**
 * a live `setRoutes` accepts a split whose weights add up to 0, which a scenario
 * file may not have (crossChecks.ts: "the split weights add up to 0"; Envoy likewise rejects
 * weighted_clusters whose total weight is 0). The engine then sends the whole route to the
 * split's LAST target: pickWeighted (src/engine/runtime/flow.ts) draws u = r × 0 = 0,
 * no `u < cum[k]` holds, and it falls through to the last edge; a one-target split of weight 0
 * keeps all its traffic (routing.ts's setRoutes gives it no cumulative table). The playground sends route edits live without
 * parsing them (src/store/scenarioSync.ts only parses on restart), so setting a canary's
 * weights to 0/0 silently sends everything to one side.
 *
 * Where: src/engine/simulation.ts:142-157, `case 'setRoutes'` (line 145 validates each route
 * with routeSchema only; the sum check lives in scenario/crossChecks.ts:42).
 * Fix: after parsing, throw for any route whose `to` is a list with Σweight <= 0, e.g.
 * `throw new Error(\`routes[${k}].to: the split weights add up to 0\`)`, before installing
 * anything (the other invalid live changes, an unknown node or edge, throw as well).
 */
const scenario: Data = {
  version: 1, name: 'live zero split', seed: 4, durationMs: 20_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 100 }, paths: [{ path: '/a', weight: 1 }] },
    { id: 'gw', kind: 'gateway', routes: [{ prefix: '/a', to: [{ service: 'a', weight: 1 }, { service: 'b', weight: 1 }] }] },
    { id: 'a', kind: 'service' },
    { id: 'b', kind: 'service' },
  ],
  edges: [{ from: 'users', to: 'gw' }, { from: 'gw', to: 'a' }, { from: 'gw', to: 'b' }],
};
const zero = [{ prefix: '/a', to: [{ service: 'a', weight: 0 }, { service: 'b', weight: 0 }] }];

describe('a live split with weights adding up to 0 is accepted', () => {
  it('(for contrast) the same routes in a scenario file are refused', () => {
    const r = parseScenario({ ...scenario, nodes: scenario.nodes.map((n: Data) => (n.id === 'gw' ? { ...n, routes: zero } : n)) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: 'nodes[1].routes[0].to', message: 'the split weights add up to 0' }]);
  });

  it('apply(setRoutes) with weights 0/0 throws and leaves the routes as they were', () => {
    const sim = simulate(scenario);
    sim.runUntil(10_000);
    const before = sim.report().edges;
    // Today it is accepted, and from then on every request goes to b.
    expect(() => sim.apply({ type: 'setRoutes', node: 'gw', routes: zero })).toThrow(/add up to 0/);
    sim.runUntil(20_000);
    const after = sim.report().edges;
    expect(after['gw->a'].calls - before['gw->a'].calls).toBeGreaterThan(300);
  });
});
