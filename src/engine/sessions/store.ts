/**
 * Sessions in a store (Redis, a database): any instance can serve any user, because each
 * request first reads the user's session from the store. Nothing is lost when an instance
 * dies; the price is one more call, with its latency and its load on the store, per request.
 */
import type { NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';

/**
 * Makes every request at `n` call `storeId` first: the edge n -> store moves to the front of
 * the node's calls (and of each operation's calls, for a service with operations), so the
 * session is read before any other work goes out. Throws when there is no such edge (the
 * scenario layer reports that case to people before a run).
 */
export function routeThroughStore(w: World, n: NodeRt, storeId: string): void {
  const e = w.edges.find((x) => x.from === n.index && w.nodes[x.to].id === storeId);
  if (!e) throw new Error(`sessions "store" on "${n.id}" needs an edge ${n.id}->${storeId}`);
  n.out = first(n.out, e.index);
  n.opOut = n.opOut.map((calls) => first(calls, e.index));
}

/** `calls` with `edge` moved (or added) to the front. */
function first(calls: Int32Array, edge: number): Int32Array<ArrayBuffer> {
  const rest = Array.from(calls).filter((x) => x !== edge);
  return Int32Array.from([edge, ...rest]);
}
