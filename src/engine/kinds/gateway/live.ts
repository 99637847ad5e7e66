import { z } from 'zod';
import { edgeKey } from '../../calls/edgeSchema';
import type { NodeRt } from '../../runtime/nodeRuntime';
import type { World } from '../../runtime/world';
import { installRoutes } from './routing';
import { routeSchema, routeTargets, splitAddsUpToZero } from './schema';
import { gatewayOf } from './state';

/**
 * Live change: replaces a gateway's routes, e.g. to move traffic weights step by step
 * (strangler fig). Nothing changes when the new routes name a node without an edge.
 */
export function setRoutesLive(w: World, n: NodeRt, input: readonly z.input<typeof routeSchema>[]): void {
  const routes = z.array(routeSchema).parse(input);
  routes.forEach((r, k) => {
    if (splitAddsUpToZero(r.to)) throw new Error(`routes[${k}].to: the split weights add up to 0`);
  });
  const edgeTo = (to: string) => {
    const e = w.edges.find((x) => x.from === n.index && w.nodes[x.to].id === to);
    if (!e) throw new Error(`no edge ${edgeKey(n.id, to)}`);
    return e.index;
  };
  installRoutes(gatewayOf(n), routes, new Map(w.paths.map((p, id) => [p, id])), edgeTo);
  w.log.add(w.now, 'route', `${n.id} routes: ${describeRoutes(routes)}`, n.id);
}

/** "/orders -> legacy 90%, orders 10%; /users -> users": a gateway's routes as the event log shows them. */
function describeRoutes(routes: readonly z.output<typeof routeSchema>[]): string {
  if (routes.length === 0) return 'none (every outgoing call is made)';
  return routes.map((r) => {
    const targets = routeTargets(r.to);
    const total = targets.reduce((a, t) => a + t.weight, 0);
    const split = targets.length === 1 ? targets[0].service : targets.map((t) => `${t.service} ${Math.round((t.weight / total) * 1000) / 10}%`).join(', ');
    return `${r.prefix} -> ${split}`;
  }).join('; ');
}
