import type { GatewayState } from './state';
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
export function pathTable(routes: readonly { prefix: string }[], pathIds: ReadonlyMap<string, number>): Int32Array {
  const table = new Int32Array(pathIds.size).fill(-1);
  for (const [path, id] of pathIds) table[id] = matchRoute(path, routes);
  return table;
}

type RouteTo = string | readonly { service: string; weight: number }[];
type Route = { prefix: string; to: RouteTo };

/**
 * Sets a gateway's routes: per route the edges it may take and their cumulative weights.
 * Every request draws independently (Envoy's weighted_clusters: not sticky).
 */
function setRoutes(n: GatewayState, routes: readonly Route[], edgeTo: (to: string) => number): void {
  n.routeEdges = routes.map((r) => Int32Array.from(routeTargets(r.to), (t) => edgeTo(t.service)));
  n.routeCum = routes.map((r) => {
    const targets = routeTargets(r.to);
    if (targets.length === 1) return null;
    let sum = 0;
    return Float64Array.from(targets, (t) => (sum += t.weight));
  });
}

/**
 * Gives a gateway its routes, at build time or live. An empty list makes it call its edges,
 * exactly as a gateway loaded without routes. Nothing changes when edgeTo throws.
 */
export function installRoutes(n: GatewayState, routes: readonly Route[], pathIds: ReadonlyMap<string, number>, edgeTo: (to: string) => number): void {
  if (routes.length === 0) {
    n.routes = null;
    n.routeEdges = [];
    n.routeCum = [];
    n.routePrefixes = [];
    return;
  }
  setRoutes(n, routes, edgeTo);
  n.routes = pathTable(routes, pathIds);
  n.routePrefixes = routes.map((r) => r.prefix);
}
