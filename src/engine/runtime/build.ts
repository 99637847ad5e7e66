import { compileDistribution } from '../core/distributions';
import type { Xoshiro128 } from '../core/rng';
import { edgeKey } from '../calls/edgeSchema';
import { KINDS } from '../kinds';
import type { BuildContext, KindDefinition } from '../kinds/types';
import type { Scenario } from '../model';
import { EdgeRt, type NodeRt } from './nodeRuntime';
import { World } from './world';

/**
 * Turns a validated scenario into a runtime world. Cross-references (edges to unknown nodes,
 * cycles) are the scenario layer's to report nicely; here they are programming errors.
 */
export function buildWorld(scenario: Scenario, rng: Xoshiro128): World {
  const index = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const pathIds = new Map<string, number>();
  for (const n of scenario.nodes) {
    if (n.kind !== 'client') continue;
    for (const p of n.paths) if (!pathIds.has(p.path)) pathIds.set(p.path, pathIds.size);
  }
  if (pathIds.size === 0) pathIds.set('/', 0);

  const edges = scenario.edges.map((e, i) => {
    const from = index.get(e.from), to = index.get(e.to);
    if (from === undefined || to === undefined) throw new Error(`edge ${edgeKey(e.from, e.to)} names an unknown node`);
    return new EdgeRt(i, edgeKey(e.from, e.to), from, to, compileDistribution(e.latencyMs), e.probability, e.timeoutMs ?? 0);
  });

  const nodes: NodeRt[] = scenario.nodes.map((node, i) => {
    const def = KINDS.find((k) => k.kind === node.kind) as KindDefinition | undefined;
    if (!def) throw new Error(`unknown kind ${node.kind}`);
    const ctx: BuildContext = {
      index: i,
      rng,
      pathIds,
      edgeTo: (to) => scenario.edges.findIndex((e) => e.from === node.id && e.to === to),
    };
    const rt = def.build(node, ctx);
    rt.out = Int32Array.from(edges.filter((e) => e.from === i).map((e) => e.index));
    return rt;
  });

  return new World(nodes, edges, [...pathIds.keys()], rng);
}
