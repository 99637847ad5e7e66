import type { NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';

/**
 * The rules of a node kind that is not a plain station. A station (service, gateway,
 * database) needs none: the engine's own fast path serves it. A behaviour receives the
 * requests that arrive, the results of the calls it makes, and its own timers.
 *
 * Contract: every request that arrives must eventually be answered with
 * `respond(w, j, cause)` (from calls/pipeline), unless the kind models a black hole.
 */
export interface NodeBehaviour {
  /** A request (one attempt of a call) arrived at this node. */
  arrive(w: World, n: NodeRt, j: number): void;
  /**
   * A call made by request `j` at this node has its final result. Optional: without it the
   * request answers its caller with the result, as a station would.
   */
  onChildResult?(w: World, n: NodeRt, j: number, cause: number): void;
  /** A timer the kind set with `w.q.push(t, EV_KIND, n.index, payload)`. */
  onEvent?(w: World, n: NodeRt, payload: number): void;
  /** When the run starts (schedule timers here). */
  start?(w: World, n: NodeRt): void;
  /** Once per simulated second, after the series point is recorded. */
  onSecond?(w: World, n: NodeRt): void;
  /** Statistics are reset at the end of warm-up. */
  resetStats?(w: World, n: NodeRt): void;
  /** Extra fields of this node in the report (`nodes[id]`). */
  report?(w: World, n: NodeRt): Record<string, unknown>;
  /** Extra per-second series of this node (`series.nodes[id]`): channel name to value. */
  series?: readonly string[];
  sample?(w: World, n: NodeRt, out: number[]): void;
  /** Extra live fields for the UI's snapshot (`nodes[id].extra`). */
  live?(w: World, n: NodeRt): Record<string, number | string>;
  /** A `flush` fault: the kind drops what it holds (a cache's entries). */
  flush?(w: World, n: NodeRt): void;
  /** A kill-service fault on a kind without instances starts (dir 1) or ends (dir -1). */
  kill?(w: World, n: NodeRt, dir: 1 | -1): void;
  /** What a kind billed otherwise than per instance-hour has cost so far, and costs per hour now. */
  cost?(w: World, n: NodeRt): { spent: number; perHour: number };
}
