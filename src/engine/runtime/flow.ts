import { call, respond } from '../calls/pipeline';
import type { Rng } from '../core/rng';
import { OK } from './codes';
import { finishRoot } from './clients';
import type { NodeRt } from './nodeRuntime';
import { releaseWorker } from './stations';
import type { World } from './world';

/**
 * What a request does at a node after its own work: its outgoing calls, one after another
 * or all at once, and then its answer. A kind's station hooks may choose the calls instead
 * (a gateway's auth and route: kinds/gateway/flow.ts).
 */

export function beginCalls(w: World, j: number, n: NodeRt): void {
  const jobs = w.jobs;
  jobs.cursor[j] = 0;
  const hooks = n.stationHooks;
  if (hooks !== null && hooks.beginCalls !== null) {
    hooks.beginCalls(w, n, j);
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
    if (e.probability < 1 && w.rng.next() >= e.probability) continue;
    jobs.pending[j]++;
    call(w, j, e);
    if (jobs.epoch[j] !== epoch) return;
  }
  if (--jobs.pending[j] === 0) complete(w, j, n, OK);
}

/** The request's next call in order, or its answer when none is left. */
export function nextCall(w: World, j: number, n: NodeRt): void {
  const jobs = w.jobs;
  const out = callsOf(w, j, n);
  for (let k = jobs.cursor[j]; k < out.length; k++) {
    const e = w.edges[out[k]];
    if (e.probability < 1 && w.rng.next() >= e.probability) continue;
    jobs.cursor[j] = k + 1;
    call(w, j, e);
    return;
  }
  complete(w, j, n, OK);
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
  const hooks = n.stationHooks;
  if (hooks !== null && hooks.onCallOk !== null) {
    hooks.onCallOk(w, n, p);
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
  if (n.client !== null) finishRoot(w, j, n, cause);
  else releaseWorker(w, j, n, cause);
}
