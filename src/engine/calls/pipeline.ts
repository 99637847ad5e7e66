import { sample } from '../core/sampler';
import {
  EV_BULKHEAD_EXPIRE, EV_DELIVER, EV_FALLBACK_DONE, EV_RESPONSE, EV_RETRY, EV_TIMEOUT, FAIL_REJECTED,
  FAIL_SHORT_CIRCUITED, FAIL_TIMEOUT, OK,
} from '../runtime/codes';
import { F_BREAKER, F_BULKHEAD, F_DETACHED, F_REFUSED, J_BULKHEAD_WAIT, J_FALLBACK, J_LIMBO, J_NETWORK, J_RESPONDING, J_RETRY_WAIT } from '../runtime/jobStates';
import type { World } from '../runtime/world';
import { continueCall, parentWaiting, recordLatency, releaseAttempt, transmit } from './attempt';
import { backoffDelayMsByCode } from './backoff';
import type { EdgeRt } from './edgeRuntime';

/**
 * A call on an edge, decorated as Resilience4j orders its decorators:
 * Retry ( CircuitBreaker ( TimeLimiter ( Bulkhead ( call ) ) ) ).
 *
 * A *logical call* is what the caller asked for; each try is an *attempt*, one request slot
 * each. An attempt the caller gave up on (timeout) stays alive at the callee, which finishes
 * the work anyway (counted as wasted), as servers without deadline propagation do. Retries
 * and fallbacks continue the logical call in a fresh slot.
 */

/** Starts a logical call from request p over edge e. */
export function call(w: World, p: number, e: EdgeRt): void {
  const jobs = w.jobs;
  const c = jobs.alloc();
  jobs.node[c] = e.to;
  jobs.parent[c] = p;
  jobs.parentGen[c] = jobs.gen[p];
  jobs.parentEpoch[c] = jobs.epoch[p];
  jobs.edge[c] = e.index;
  jobs.client[c] = jobs.client[p];
  jobs.path[c] = jobs.path[p];
  jobs.callStartedAt[c] = w.now;
  jobs.attempt[c] = 1;
  e.calls++;
  e.liveCalls++;
  if (e.plain && w.tracer === null) {
    // The common case: one attempt, nothing around it, no fault on the link. This is
    // `transmit` without its checks, written out because the call costs more than the work.
    jobs.sentAt[c] = w.now;
    e.attempts++;
    e.secAttempts++;
    jobs.state[c] = J_NETWORK;
    const s = e.latencySampler;
    const latency = s.code === 0 ? s.p1 : sample(s, e.rngLatency);
    if (latency > 0) w.q.push(w.now + latency, EV_DELIVER, c, 0);
    else w.tree.arrive(w, c);
    return;
  }
  jobs.prevSleep[c] = e.backoffMs;
  if (e.budget !== null) e.budget.deposit(w.now);
  if (w.tracer !== null && jobs.span[p] >= 0) w.tracer.startCall(w, c, p);
  sendAttempt(w, c, e);
}

function sendAttempt(w: World, c: number, e: EdgeRt): void {
  const jobs = w.jobs;
  jobs.sentAt[c] = w.now;
  if (e.plain) {
    e.attempts++;
    e.secAttempts++;
    transmit(w, c, e);
    return;
  }
  if (e.breaker !== null) {
    if (!e.breaker.tryAcquire(w.now)) {
      e.shortCircuited++;
      if (w.tracer !== null && jobs.span[c] >= 0) w.tracer.annotate(jobs.span[c], 'short-circuited by the open breaker');
      attemptDone(w, c, e, FAIL_SHORT_CIRCUITED, false);
      return;
    }
    jobs.flags[c] |= F_BREAKER;
  }
  e.attempts++;
  e.secAttempts++;
  if (jobs.attempt[c] > 1) e.retries++;
  if (e.timeoutMs > 0) w.q.push(w.now + e.timeoutMs, EV_TIMEOUT, c, jobs.gen[c]);
  if (e.bulkMax > 0) {
    if (e.bulkInFlight < e.bulkMax) {
      e.bulkInFlight++;
      jobs.flags[c] |= F_BULKHEAD;
    } else if (e.bulkWaitMs > 0) {
      jobs.state[c] = J_BULKHEAD_WAIT;
      e.bulkQueue.push(c);
      e.bulkQueueGen.push(jobs.gen[c]);
      w.q.push(w.now + e.bulkWaitMs, EV_BULKHEAD_EXPIRE, c, jobs.gen[c]);
      return;
    } else {
      jobs.flags[c] |= F_REFUSED;
      attemptDone(w, c, e, FAIL_REJECTED, false);
      return;
    }
  }
  transmit(w, c, e);
}

/** The callee answers over the edge the request came in on. */
export function respond(w: World, j: number, cause: number): void {
  const jobs = w.jobs;
  jobs.fail[j] = cause;
  jobs.state[j] = J_RESPONDING;
  jobs.doneAt[j] = w.now;
  const e = w.edges[jobs.edge[j]];
  const s = e.latencySampler;
  const latency = s.code === 0 ? s.p1 : sample(s, e.rngLatency);
  if (latency > 0) w.q.push(w.now + latency, EV_RESPONSE, j, 0);
  else deliverResponse(w, j);
}

/** The answer reached the caller's side of the edge. */
export function deliverResponse(w: World, c: number): void {
  const jobs = w.jobs;
  const e = w.edges[jobs.edge[c]];
  if (w.tracer !== null && jobs.span[c] >= 0) w.tracer.endSpan(w, c, jobs.fail[c]);
  const p = jobs.parent[c];
  if (e.plain && (jobs.flags[c] & F_DETACHED) === 0 && jobs.gen[p] === jobs.parentGen[c] && jobs.epoch[p] === jobs.parentEpoch[c]) {
    // The common case: one attempt, nothing to decide.
    const cause = jobs.fail[c];
    recordLatency(e, w.now - jobs.callStartedAt[c]);
    if (cause !== OK) {
      if ((jobs.flags[c] & F_REFUSED) !== 0) e.rejected++;
      e.failedAttempts++;
      e.errors++;
      e.liveErrors++;
      e.secErrors++;
    }
    jobs.release(c);
    w.tree.onChildResult(w, p, cause);
    return;
  }
  if ((jobs.flags[c] & F_DETACHED) !== 0 || !parentWaiting(w, c)) {
    // Nobody waits for this answer any more: the callee's work was wasted.
    e.wastedMs += jobs.doneAt[c] - jobs.arrivedAt[c];
    if ((jobs.flags[c] & F_BREAKER) !== 0) e.breaker!.onResult(w.now, w.now - jobs.sentAt[c], jobs.fail[c] !== OK);
    releaseAttempt(w, c, e);
    return;
  }
  attemptDone(w, c, e, jobs.fail[c], false);
}

export function onTimeout(w: World, c: number, gen: number): void {
  const jobs = w.jobs;
  if (jobs.gen[c] !== gen || (jobs.flags[c] & F_DETACHED) !== 0) return;
  const e = w.edges[jobs.edge[c]];
  const st = jobs.state[c];
  e.timeouts++;
  if (w.tracer !== null && jobs.span[c] >= 0) w.tracer.annotate(jobs.span[c], `timed out after ${e.timeoutMs} ms: the caller gave up`);
  if (st === J_BULKHEAD_WAIT || st === J_LIMBO) {
    // Nothing is running downstream: the attempt ends here.
    attemptDone(w, c, e, FAIL_TIMEOUT, false);
    return;
  }
  jobs.flags[c] |= F_DETACHED;
  if (w.tracer !== null && jobs.span[c] >= 0) w.tracer.endSpan(w, c, FAIL_TIMEOUT);
  attemptDone(w, c, e, FAIL_TIMEOUT, true);
}

/**
 * An attempt has its outcome: tell the breaker, then retry, fall back or finish the call.
 * `keep` leaves the attempt's slot alive because its callee is still working on it.
 */
function attemptDone(w: World, c: number, e: EdgeRt, cause: number, keep: boolean): void {
  const jobs = w.jobs;
  if ((jobs.flags[c] & F_BREAKER) !== 0) {
    jobs.flags[c] &= ~F_BREAKER;
    e.breaker!.onResult(w.now, w.now - jobs.sentAt[c], cause !== OK);
  }
  if (cause !== OK) {
    e.failedAttempts++;
    // Counted where it happened on this edge: refused by the callee (or the bulkhead, below).
    if ((jobs.flags[c] & F_REFUSED) !== 0) e.rejected++;
  }
  // An attempt that ends without an answer (refused, or abandoned where nothing runs) closes its span here.
  if (w.tracer !== null && jobs.span[c] >= 0 && !keep && jobs.state[c] !== J_RESPONDING) w.tracer.endSpan(w, c, cause);
  if (!parentWaiting(w, c)) {
    if (!keep) releaseAttempt(w, c, e);
    return;
  }
  if (cause !== OK && jobs.attempt[c] < e.retryMax && (e.retryOnMask & (1 << cause)) !== 0) {
    if (e.budget === null || e.budget.tryWithdraw(w.now)) {
      const n = continueCall(w, c, J_RETRY_WAIT);
      const retry = jobs.attempt[c];
      const delay = backoffDelayMsByCode(retry, jobs.prevSleep[c], e.backoffMs, e.multiplier, e.maxBackoffMs, e.jitterCode, e.rngRetry);
      jobs.attempt[n] = retry + 1;
      jobs.prevSleep[n] = delay;
      if (w.tracer !== null && jobs.span[c] >= 0) w.tracer.retryOf(w, n, c, delay);
      if (!keep) releaseAttempt(w, c, e);
      w.q.push(w.now + delay, EV_RETRY, n, jobs.gen[n]);
      return;
    }
    e.retriesDropped++;
    if (w.now - e.lastBudgetLogMs >= 1000) {
      e.lastBudgetLogMs = w.now;
      w.log.add(w.now, 'retry-budget', `retry budget of ${e.key} exhausted: retries dropped`, undefined, e.key);
    }
  }
  finishCall(w, c, e, cause, keep);
}

/** The logical call has its final result: record it and hand it to the caller. */
function finishCall(w: World, c: number, e: EdgeRt, cause: number, keep: boolean): void {
  const jobs = w.jobs;
  if (cause !== OK) {
    e.errors++;
    e.liveErrors++;
    e.secErrors++;
    if (e.fallbackMs >= 0) {
      e.fallbacks++;
      if (w.tracer !== null && jobs.span[c] >= 0) w.tracer.annotate(jobs.span[c], 'failed: answered by the fallback');
      const n = continueCall(w, c, J_FALLBACK);
      if (!keep) releaseAttempt(w, c, e);
      w.q.push(w.now + e.fallbackMs, EV_FALLBACK_DONE, n, jobs.gen[n]);
      return;
    }
  }
  recordLatency(e, w.now - jobs.callStartedAt[c]);
  const p = jobs.parent[c];
  if (!keep) releaseAttempt(w, c, e);
  w.tree.onChildResult(w, p, cause);
}

export function onRetry(w: World, n: number, gen: number): void {
  const jobs = w.jobs;
  if (jobs.gen[n] !== gen || jobs.state[n] !== J_RETRY_WAIT) return;
  const e = w.edges[jobs.edge[n]];
  if (!parentWaiting(w, n)) {
    releaseAttempt(w, n, e);
    return;
  }
  sendAttempt(w, n, e);
}

export function onFallbackDone(w: World, n: number, gen: number): void {
  const jobs = w.jobs;
  if (jobs.gen[n] !== gen || jobs.state[n] !== J_FALLBACK) return;
  const e = w.edges[jobs.edge[n]];
  const waiting = parentWaiting(w, n);
  const p = jobs.parent[n];
  recordLatency(e, w.now - jobs.callStartedAt[n]);
  releaseAttempt(w, n, e);
  if (waiting) w.tree.onChildResult(w, p, OK);
}

export function onBulkheadExpire(w: World, c: number, gen: number): void {
  const jobs = w.jobs;
  if (jobs.gen[c] !== gen || jobs.state[c] !== J_BULKHEAD_WAIT) return;
  jobs.flags[c] |= F_REFUSED;
  attemptDone(w, c, w.edges[jobs.edge[c]], FAIL_REJECTED, false);
}
