import type { NodeRt } from '../../runtime/nodeRuntime';
import type { BuildContext } from '../types';
import { routeTargets } from './schema';

/** Whether `path` falls under `prefix`, segment by segment: /orders matches /orders/7, not /ordersx. */
export function matchesPrefix(path: string, prefix: string): boolean {
  if (prefix === '/' || path === prefix) return true;
  return path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}

/** The longest matching prefix's index for a path, or -1. */
export function matchRoute(path: string, routes: readonly { prefix: string }[]): number {
  let best = -1, bestLen = -1;
  routes.forEach((r, i) => {
    if (r.prefix.length > bestLen && matchesPrefix(path, r.prefix)) {
      best = i;
      bestLen = r.prefix.length;
    }
  });
  return best;
}

/** Resolves every known path to its route index once, so routing a request is one array read. */
export function pathTable(routes: readonly { prefix: string }[], ctx: BuildContext): Int32Array {
  const table = new Int32Array(ctx.pathIds.size).fill(-1);
  for (const [path, id] of ctx.pathIds) table[id] = matchRoute(path, routes);
  return table;
}

type RouteTo = string | readonly { service: string; weight: number }[];

/**
 * Sets a gateway's routes: per route the edges it may take and their cumulative weights.
 * Every request draws independently (Envoy's weighted_clusters: not sticky).
 */
export function setRoutes(n: NodeRt, routes: readonly { prefix: string; to: RouteTo }[], edgeTo: (to: string) => number): void {
  n.routeEdges = routes.map((r) => Int32Array.from(routeTargets(r.to), (t) => edgeTo(t.service)));
  n.routeCum = routes.map((r) => {
    const targets = routeTargets(r.to);
    if (targets.length === 1) return null;
    let sum = 0;
    return Float64Array.from(targets, (t) => (sum += t.weight));
  });
}
