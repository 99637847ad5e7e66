/** A gateway's routes, resolved to the workloads they send to. */
import { linksFrom, type Plan, type Workload } from './plan';

export interface RouteBackend {
  workload: Workload;
  weight: number;
}

export interface ResolvedRoute {
  prefix: string;
  backends: RouteBackend[];
  /** More than one backend: a weighted split (a canary, a strangler fig). */
  split: boolean;
}

/** The routes of a gateway workload, in the scenario's order (none for a workload that does not route). */
export function gatewayRoutes(plan: Plan, w: Workload): ResolvedRoute[] {
  return (w.settings.routes ?? []).map((r) => {
    const backends = r.to
      .map((t) => ({ workload: plan.byId.get(t.service), weight: t.weight }))
      .filter((b): b is RouteBackend => !!b.workload);
    return { prefix: r.prefix, backends, split: r.split };
  });
}

/** The routes as sentences, for a file that has no routing of its own (none for a workload that does not route). */
export function routesText(plan: Plan, w: Workload): string[] {
  if (!w.settings.routes) return [];
  const routes = gatewayRoutes(plan, w);
  if (routes.length === 0) {
    const targets = linksFrom(plan, w).map((l) => l.to.name);
    return targets.length ? [`No routes: each request calls every target (${targets.join(', ')}), an aggregator.`] : [];
  }
  return [`Routes (longest path prefix wins): ${routes.map((r) => `${r.prefix} → ${r.backends.map((b) => (r.split ? `${b.workload.name} ${b.weight}` : b.workload.name)).join(', ')}`).join('; ')}.`];
}

/**
 * Route weights as the Gateway API takes them: whole numbers from 0 to 1,000,000. Whole
 * weights are kept as they are; fractional ones are scaled to parts per 10,000 of their sum.
 */
export function integerWeights(weights: readonly number[]): number[] {
  if (weights.every((x) => Number.isInteger(x))) return [...weights];
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((x) => (sum > 0 ? Math.round((x / sum) * 10_000) : 0));
}
