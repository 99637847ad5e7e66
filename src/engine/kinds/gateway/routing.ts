import type { BuildContext } from '../types';

/** Whether `path` falls under `prefix`, segment by segment: /orders matches /orders/7, not /ordersx. */
export function matchesPrefix(path: string, prefix: string): boolean {
  if (prefix === '/' || path === prefix) return true;
  return path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}

/** The longest matching prefix's route index for a path, or -1. */
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

/** Resolves every known path once, so routing a request is one array read. */
export function routeTable(routes: readonly { prefix: string; to: string }[], ctx: BuildContext): Int32Array {
  const table = new Int32Array(ctx.pathIds.size).fill(-1);
  for (const [path, id] of ctx.pathIds) {
    const r = matchRoute(path, routes);
    if (r >= 0) table[id] = ctx.edgeTo(routes[r].to);
  }
  return table;
}
