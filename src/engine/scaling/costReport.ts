import type { World } from '../runtime/world';
import { refreshCost, scalingStateOf } from './state';

/** The report's `cost`: dollars spent so far in all, per service, and each service's rate now. */
export interface CostReport {
  /** Dollars spent by all services from the start of the run. */
  total: number;
  /** Dollars spent per service. */
  byNode: Record<string, number>;
  /** Dollars per hour each service costs now (its instances times their size's price). */
  perHour: Record<string, number>;
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The cost part of the report, brought up to the world's current time. */
export function costReport(w: World): CostReport {
  const out: CostReport = { total: 0, byNode: {}, perHour: {} };
  const st = scalingStateOf(w);
  let total = 0;
  for (const ss of st?.services ?? []) {
    refreshCost(w, ss);
    const spent = st!.meter.byNodeAt(w.now, ss.node.index);
    total += spent;
    out.byNode[ss.node.id] = r6(spent);
    out.perHour[ss.node.id] = r6(st!.meter.rateOf(ss.node.index));
  }
  // Kinds billed per use (a function: per request and GB-second) meter themselves.
  for (const n of w.nodes) {
    const c = n.behaviour?.cost?.(w, n);
    if (!c) continue;
    total += c.spent;
    out.byNode[n.id] = r6(c.spent);
    out.perHour[n.id] = r6(c.perHour);
  }
  out.total = r6(total);
  return out;
}
