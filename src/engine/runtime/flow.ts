import { call, respond } from '../calls/pipeline';
import type { Rng } from '../core/rng';
import { FAIL_NOT_FOUND, OK } from './codes';
import type { NodeRt } from './nodeRuntime';
import type { World } from './world';

/**
 * What a request does at a node after its own work: its outgoing calls, one after another
 * or all at once, and then its answer. A gateway first asks its auth service (unless the
 * client's token is cached) and then calls the one service its route names.
 */

export function beginCalls(w: World, j: number, n: NodeRt): void {
  const jobs = w.jobs;
  jobs.cursor[j] = 0;
  if (n.gateway) {
    jobs.phase[j] = 0;
    gatewayNext(w, j, n);
    return;
  }
  if (!n.parallel) {
    nextCall(w, j, n);
    return;
  }
  // Fan-out: one extra pending count guards against a call that answers at once.
  const out = callsOf(w, j, n);
  const epoch = jobs.epoch[j];
  jobs.pending[j] = 1;
  for (let k = 0; k < out.length; k++) {
    const e = w.edges[out[k]];
    if (e.probability < 1 && e.rngProbability.next() >= e.probability) continue;
    jobs.pending[j]++;
    call(w, j, e);
    if (jobs.epoch[j] !== epoch) return;
  }
  if (--jobs.pending[j] === 0) complete(w, j, n, OK);
}

function nextCall(w: World, j: number, n: NodeRt): void {
  const jobs = w.jobs;
  const out = callsOf(w, j, n);
  for (let k = jobs.cursor[j]; k < out.length; k++) {
    const e = w.edges[out[k]];
    if (e.probability < 1 && e.rngProbability.next() >= e.probability) continue;
    jobs.cursor[j] = k + 1;
    call(w, j, e);
    return;
  }
  complete(w, j, n, OK);
}

/** Gateway phases, kept in `phase`: 0 = auth next, 1 = route next, 2 = done. */
function gatewayNext(w: World, j: number, n: NodeRt): void {
  const jobs = w.jobs;
  if (jobs.phase[j] === 0) {
    jobs.phase[j] = 1;
    if (n.authEdge >= 0 && n.authCachedUntil![jobs.client[j]] <= w.now) {
      call(w, j, w.edges[n.authEdge]);
      return;
    }
  }
  if (jobs.phase[j] === 1) {
    jobs.phase[j] = 2;
    if (n.routes !== null) {
      const r = n.routes[jobs.path[j]];
      if (r < 0) {
        complete(w, j, n, FAIL_NOT_FOUND);
        return;
      }
      call(w, j, w.edges[pickWeighted(n.routeEdges[r], n.routeCum[r], n.rngRoutes)]);
      return;
    }
    nextCall(w, j, n);
    return;
  }
  if (n.routes === null) nextCall(w, j, n);
  else complete(w, j, n, OK);
}

/**
 * One of `ids`, drawn by weight from their cumulative weights (a client's paths, a route's
 * split). A single entry (or `cum` null) draws no random number: there is no choice to make,
 * and skipping the draw keeps the random stream of such runs as it has always been.
 */
export function pickWeighted(ids: Int32Array, cum: Float64Array | null, rng: Rng): number {
  if (cum === null || ids.length === 1) return ids[0];
  const u = rng.next() * cum[cum.length - 1];
  for (let k = 0; k < cum.length; k++) if (u < cum[k]) return ids[k];
  return ids[ids.length - 1];
}

/** The calls a request makes at a node: its operation's, or all the node's edges. */
function callsOf(w: World, j: number, n: NodeRt): Int32Array {
  return n.opOf === null ? n.out : n.opOut[n.opOf[w.jobs.path[j]]];
}

/** One of the request's calls has its final result. */
export function onChildResult(w: World, p: number, cause: number): void {
  const jobs = w.jobs;
  const n = w.nodes[jobs.node[p]];
  if (n.behaviour !== null) {
    if (n.behaviour.onChildResult) n.behaviour.onChildResult(w, n, p, cause);
    else respond(w, p, cause);
    return;
  }
  if (cause !== OK) {
    // Stop waiting: every call still out is orphaned and will be dropped when it answers.
    jobs.epoch[p]++;
    // The failure came from behind this node: it passes it on rather than causing it.
    if (n.client === null) n.livePassedOn++;
    complete(w, p, n, cause);
    return;
  }
  if (n.gateway) {
    if (jobs.phase[p] === 1 && n.authEdge >= 0) n.authCachedUntil![jobs.client[p]] = w.now + n.authCacheTtlMs;
    gatewayNext(w, p, n);
    return;
  }
  if (n.parallel) {
    if (--jobs.pending[p] === 0) complete(w, p, n, OK);
    return;
  }
  nextCall(w, p, n);
}

/** The request is done at its node: answer (and free the worker at a station). */
export function complete(w: World, j: number, n: NodeRt, cause: number): void {
  if (n.client !== null) w.tree.finishRoot(w, j, n, cause);
  else w.tree.releaseWorker(w, j, n, cause);
}
