import { kindCan } from '../engine/kinds';
import type { Scenario } from '../engine/model';

/**
 * A rough upper estimate of the events a run needs, so that a run far beyond the event
 * budget is refused up front instead of grinding: each request costs an arrival, a service
 * completion and up to two events per call on its way.
 */
export function estimateEvents(s: Scenario): number {
  let rps = 0;
  for (const n of s.nodes) {
    if (!kindCan(n.kind, 'source') || !('load' in n)) continue;
    if ('rps' in n.load) {
      const peaks = [n.load.rps, ...(n.load.steps ?? []).map((x) => x.rps), n.load.ramp?.toRps ?? 0];
      rps += Math.max(...peaks) + (n.load.sine?.amplitudeRps ?? 0);
    } else rps += n.load.users * 10;
  }
  const perRequest = 2 + 2 * s.edges.length;
  return (rps * s.durationMs) / 1000 * Math.min(perRequest, 40) + s.durationMs / 1000;
}
