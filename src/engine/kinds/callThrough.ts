import { call } from '../calls/pipeline';
import type { NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';

/**
 * Makes request j's next outgoing call, one after another over the node's edges from index
 * `jobs.aux2[j]` (an edge with a probability below 1 is skipped as often as it says).
 * Returns false when no call is left: the caller answers then. For kinds with their own
 * behaviour (a cache's miss, a function's handler), which do not use the stations' call flow.
 */
export function callNextEdge(w: World, n: NodeRt, j: number): boolean {
  const jobs = w.jobs;
  const out = n.out;
  for (let k = jobs.aux2[j]; k < out.length; k++) {
    const e = w.edges[out[k]];
    if (e.probability < 1 && e.rngProbability.next() >= e.probability) continue;
    jobs.aux2[j] = k + 1;
    call(w, j, e);
    return true;
  }
  return false;
}
