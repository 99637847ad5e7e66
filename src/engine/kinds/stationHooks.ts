import type { NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';

/**
 * The twists a kind may put on the standard station (runtime/stations.ts and flow.ts) without
 * reaching into it: set on the node as `n.stationHooks` when the kind builds it, so the
 * station reads one field per step and allocates nothing. Each hook is a plain function of the
 * kind's module that finds its state in `n.state`. Null means the station's own step.
 */
export interface StationHooks {
  /**
   * Before an instance is picked: `OK` (0) lets the request in, any other cause answers it at
   * once as refused (a rate limit's 429). A node with an admit hook leaves the short path.
   */
  admit: ((w: World, n: NodeRt, j: number) => number) | null;
  /**
   * After the request's own work: make its calls (`call` from calls/pipeline), or answer it
   * (`complete` from runtime/flow). Without it the node calls its edges in order, or all at once.
   */
  beginCalls: ((w: World, n: NodeRt, j: number) => void) | null;
  /** One call the request made succeeded: make the next or answer. Required with `beginCalls`. */
  onCallOk: ((w: World, n: NodeRt, j: number) => void) | null;
}
