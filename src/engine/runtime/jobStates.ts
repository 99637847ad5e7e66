/**
 * Where a request slot is in its life, and its flag bits. A module of constants only, so the
 * bundler can inline them into the hot path.
 */

export const J_FREE = 0;
/** A client's own request, making its calls. */
export const J_ROOT = 1;
/** On the network towards its callee. */
export const J_NETWORK = 2;
/** In an instance's waiting room. */
export const J_QUEUED = 3;
/** A worker is doing the node's own work. */
export const J_SERVICE = 4;
/** The worker waits for the request's outgoing calls. */
export const J_CALLING = 5;
/** The answer is on its way back. */
export const J_RESPONDING = 6;
/** Swallowed by a partition or a black hole: no answer will come. */
export const J_LIMBO = 7;
/** A call waiting out its backoff before the next attempt. */
export const J_RETRY_WAIT = 8;
/** A call waiting for a bulkhead permit. */
export const J_BULKHEAD_WAIT = 9;
/** A failed call producing its fallback answer. */
export const J_FALLBACK = 10;

/** The caller stopped waiting for this attempt (timeout, or a sibling failed). */
export const F_DETACHED = 1;
/** The attempt holds a bulkhead permit on its edge. */
export const F_BULKHEAD = 2;
/** The attempt was let through by the edge's breaker and must report its outcome. */
export const F_BREAKER = 4;
/** The callee refused the request without serving it (full room, rate limit, nothing up). */
export const F_REFUSED = 8;
