import { sample } from '../core/sampler';
import { EV_CLIENT_ARRIVAL, EV_CLIENT_RATE, EV_THINK_DONE, OK } from './codes';
import { beginCalls, pickWeighted } from './flow';
import { J_ROOT } from './jobStates';
import type { ClientRt, NodeRt } from './nodeRuntime';
import type { World } from './world';

/** Clients: open-loop arrivals at a (changing) rate, or closed-loop users who wait and think. */

export function scheduleArrival(w: World, n: NodeRt, c: ClientRt, from: number): void {
  if (c.rate <= 0) return;
  const gap = c.poisson ? (-1000 * Math.log(1 - c.rngArrivals.next())) / c.rate : 1000 / c.rate;
  w.q.push(from + gap, EV_CLIENT_ARRIVAL, n.index, c.arrivalGen);
}

export function onClientArrival(w: World, n: NodeRt, gen: number): void {
  const c = n.client!;
  if (gen !== c.arrivalGen) return;
  c.lastArrivalMs = w.now;
  scheduleArrival(w, n, c, w.now);
  sendRequest(w, n);
}

/** A rate change makes the pending arrival stale and draws a new one at the new rate. */
export function onRateChange(w: World, n: NodeRt): void {
  const c = n.client!;
  const rate = c.profile!.rateOver(w.now);
  if (rate !== c.rate) {
    c.rate = rate;
    c.arrivalGen++;
    // Constant arrivals keep their spacing from the last one; Poisson ones are memoryless.
    const from = c.poisson ? w.now : Math.max(w.now - 1000 / Math.max(rate, 1e-9), c.lastArrivalMs);
    scheduleArrival(w, n, c, from);
  }
  const next = c.profile!.nextChangeMs(w.now);
  if (next < Infinity) w.q.push(next, EV_CLIENT_RATE, n.index, 0);
}

export function sendRequest(w: World, n: NodeRt): void {
  const c = n.client!;
  const jobs = w.jobs;
  const j = jobs.alloc();
  jobs.state[j] = J_ROOT;
  jobs.node[j] = n.index;
  jobs.parent[j] = -1;
  jobs.edge[j] = -1;
  jobs.client[j] = n.index;
  jobs.path[j] = pickWeighted(c.pathIds, c.pathCum, c.rngPaths);
  jobs.arrivedAt[j] = w.now;
  jobs.sentAt[j] = w.now;
  c.sent++;
  if (w.tracer !== null) w.tracer.startRoot(w, j);
  beginCalls(w, j, n);
}

/** The client has its answer: record it, and a closed-loop user starts thinking. */
export function finishRoot(w: World, j: number, n: NodeRt, cause: number): void {
  const c = n.client!;
  const latency = w.now - w.jobs.arrivedAt[j];
  c.secAnswers++;
  c.liveAnswers++;
  // Failures keep their own latency: a fast 503 must not make the successes look quick.
  if (cause === OK) {
    c.ok++;
    c.latency.record(latency);
    c.secLatency.record(latency);
  } else {
    c.failedLatency.record(latency);
    c.failed++;
    c.failedBy[cause]++;
    c.secFailed++;
    c.secFailedBy[cause]++;
    c.liveFailed++;
  }
  if (w.tracer !== null && w.jobs.span[j] >= 0) w.tracer.endSpan(w, j, cause);
  w.jobs.release(j);
  if (!c.open) w.q.push(w.now + sample(c.think!, c.rngArrivals), EV_THINK_DONE, n.index, 0);
}
