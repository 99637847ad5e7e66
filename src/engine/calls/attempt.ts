import { sample } from '../core/sampler';
import { EV_DELIVER } from '../runtime/codes';
import { F_BULKHEAD, J_BULKHEAD_WAIT, J_LIMBO, J_NETWORK } from '../runtime/jobStates';
import type { World } from '../runtime/world';
import type { EdgeRt } from './edgeRuntime';

/**
 * The mechanics of one attempt of a call, apart from the decisions around it (calls/pipeline):
 * putting it on the wire, carrying a logical call on in a fresh slot, and freeing a slot with
 * its bulkhead permit. Each is the same whatever retry, breaker or fallback decided.
 */

/** A call's duration as its caller saw it, for the report and (when a live view watches) this second's p99. */
export function recordLatency(e: EdgeRt, ms: number): void {
  e.latency.record(ms);
  if (e.secLatency !== null) e.secLatency.record(ms);
}

/** Whether the caller of attempt c still waits for it (same occupant, same epoch). */
export function parentWaiting(w: World, c: number): boolean {
  const jobs = w.jobs;
  const p = jobs.parent[c];
  return jobs.gen[p] === jobs.parentGen[c] && jobs.epoch[p] === jobs.parentEpoch[c];
}

/** Puts the attempt on the wire: it arrives after the network delay, or never across a partition. */
export function transmit(w: World, c: number, e: EdgeRt): void {
  const jobs = w.jobs;
  if (e.partitions > 0) {
    jobs.state[c] = J_LIMBO;
    return;
  }
  jobs.state[c] = J_NETWORK;
  const s = e.latencySampler;
  let latency = s.code === 0 ? s.p1 : sample(s, e.rngLatency);
  if (!e.plain) for (const f of e.faultLatency) latency += sample(f, e.rngFaults);
  if (latency > 0) w.q.push(w.now + latency, EV_DELIVER, c, 0);
  else w.tree.arrive(w, c);
}

/** A fresh slot that carries the logical call on (next attempt, or the fallback). */
export function continueCall(w: World, c: number, state: number): number {
  const jobs = w.jobs;
  const n = jobs.alloc();
  jobs.state[n] = state;
  jobs.node[n] = jobs.node[c];
  jobs.parent[n] = jobs.parent[c];
  jobs.parentGen[n] = jobs.parentGen[c];
  jobs.parentEpoch[n] = jobs.parentEpoch[c];
  jobs.edge[n] = jobs.edge[c];
  jobs.client[n] = jobs.client[c];
  jobs.path[n] = jobs.path[c];
  jobs.callStartedAt[n] = jobs.callStartedAt[c];
  jobs.attempt[n] = jobs.attempt[c];
  jobs.prevSleep[n] = jobs.prevSleep[c];
  return n;
}

/** Frees an attempt's slot, and its bulkhead permit, which lets the next waiter through. */
export function releaseAttempt(w: World, c: number, e: EdgeRt): void {
  const jobs = w.jobs;
  const held = (jobs.flags[c] & F_BULKHEAD) !== 0;
  jobs.release(c);
  if (!held) return;
  e.bulkInFlight--;
  while (e.bulkQueue.length > 0) {
    const k = e.bulkQueue.shift();
    const gen = e.bulkQueueGen.shift();
    // Entries whose wait already ended (expired, timed out) are skipped lazily.
    if (jobs.gen[k] !== gen || jobs.state[k] !== J_BULKHEAD_WAIT) continue;
    e.bulkInFlight++;
    jobs.flags[k] |= F_BULKHEAD;
    transmit(w, k, e);
    return;
  }
}
