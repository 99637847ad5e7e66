import { call, respond } from '../../calls/pipeline';
import { EV_KIND, FAIL_ERROR, OK } from '../../runtime/codes';
import { J_CALLING, J_LIMBO } from '../../runtime/jobStates';
import type { NodeRt } from '../../runtime/nodeRuntime';
import type { World } from '../../runtime/world';
import type { NodeBehaviour } from '../behaviour';
import { SlotTimers } from './timers';

/**
 * The saga orchestrator at run time (semantics.md §10, orchestration).
 *
 * One saga instance is the request slot that arrived at the saga node; it lives until the
 * saga answers. Its state machine is kept in the slot's columns, which a behaviour node has
 * to itself (it does not use the generic call flow):
 *   - `cursor`: phase, FORWARD (running steps) or COMPENSATING (undoing the done ones), or
 *     COMPENSATING_PARTIAL when some done step has no compensation and will stay done;
 *   - `aux`:    the step being run, or the step whose compensation is being run;
 *   - `aux2`:   tries so far of that action (1 = first);
 *   - `statsEpoch`: the statistics epoch the saga started in (see {@link SagaState.statsEpoch}).
 * In the reference's words, steps below `aux` are DONE while going forward; when
 * compensating, steps above `aux` are COMPENSATED, step `aux` is COMPENSATING and the steps
 * below it are still DONE.
 *
 * The orchestrator holds no worker and has no instances: it only sends commands and waits
 * for replies (a persisted state machine is cheap next to the services it drives), so its
 * latency is that of its steps and it never queues or rejects. Its timers (backoff between
 * tries) go through {@link SlotTimers} so that a timer cannot wake a reused slot.
 */

const FORWARD = 0;
const COMPENSATING = 1;
const COMPENSATING_PARTIAL = 2;

const COMPLETED = 0;
const COMPENSATED = 1;
const STUCK = 2;

export interface SagaSettings {
  id: string;
  /** Per step: the edge of its call, and of its compensation (-1 when it has none). */
  stepEdge: Int32Array;
  compEdge: Int32Array;
  /** Names for the report: the step's call and compensation nodes. */
  stepCall: string[];
  stepCompensate: (string | undefined)[];
  /** Steps after this index are retried rather than compensated. */
  pivot: number;
  maxAttempts: number;
  backoffMs: number;
}

/** One saga node's run-time state: its settings, timers and counters. */
export class SagaState {
  readonly timers = new SlotTimers();
  /** Sagas running now, and of those the ones compensating (whole run, for the live view). */
  inFlight = 0;
  compensatingNow = 0;
  /** Stuck sagas over the whole run, and when the last one was logged. */
  stuckTotal = 0;
  lastStuckLogMs = -Infinity;
  /** Failures that left a done step with no compensation, over the whole run, and when one was last logged. */
  uncompensatedTotal = 0;
  lastUndoneLogMs = -Infinity;

  /**
   * Statistics cover the sagas that *started* in the current epoch (after warm-up), so that
   * started = completed + compensated + uncompensated + stuck + inFlight holds exactly. Bumped on reset.
   */
  statsEpoch = 0;
  started = 0;
  completed = 0;
  compensated = 0;
  stuck = 0;
  /** Sagas that failed and undid what they could, but left a done step with no compensation. */
  uncompensated = 0;
  inFlightMeasured = 0;
  /** Per step: sagas in which the step failed (at least once). */
  readonly failedSteps: Float64Array;
  /** Per step: sagas stuck because its compensation, or the step itself (after the pivot), never succeeded. */
  readonly stuckCompensating: Float64Array;
  readonly stuckForward: Float64Array;
  /** Tries of compensations, and those that failed. */
  compensationAttempts = 0;
  compensationFailures = 0;
  /** Extra tries of steps after the pivot. */
  stepRetries = 0;

  constructor(readonly s: SagaSettings) {
    this.failedSteps = new Float64Array(s.stepEdge.length);
    this.stuckCompensating = new Float64Array(s.stepEdge.length);
    this.stuckForward = new Float64Array(s.stepEdge.length);
  }

  resetStats(): void {
    this.statsEpoch++;
    this.started = this.completed = this.compensated = this.uncompensated = this.stuck = this.inFlightMeasured = 0;
    this.compensationAttempts = this.compensationFailures = this.stepRetries = 0;
    this.failedSteps.fill(0);
    this.stuckCompensating.fill(0);
    this.stuckForward.fill(0);
  }
}

const stateOf = (n: NodeRt) => n.state as SagaState;

export const sagaBehaviour: NodeBehaviour = {
  arrive(w, n, j) {
    const jobs = w.jobs;
    const st = stateOf(n);
    // Faults aimed at the orchestrator itself: it swallows the request or answers 500 before
    // starting (it has no instances, so kill and slowdown faults do not apply).
    if (n.blackholes > 0) {
      jobs.state[j] = J_LIMBO;
      return;
    }
    if (n.failsByFault()) {
      answer(w, n, j, FAIL_ERROR);
      return;
    }
    jobs.state[j] = J_CALLING;
    jobs.cursor[j] = FORWARD;
    jobs.aux[j] = 0;
    jobs.aux2[j] = 1;
    jobs.statsEpoch[j] = st.statsEpoch;
    st.inFlight++;
    st.inFlightMeasured++;
    st.started++;
    // Last: the call may answer at once and move the saga on re-entrantly.
    call(w, j, w.edges[st.s.stepEdge[0]]);
  },

  onChildResult(w, n, j, cause) {
    const jobs = w.jobs;
    const st = stateOf(n);
    const s = st.s;
    const k = jobs.aux[j];
    const measured = jobs.statsEpoch[j] === st.statsEpoch;
    if (jobs.cursor[j] === FORWARD) {
      if (cause === OK) {
        if (k + 1 === s.stepEdge.length) {
          finish(w, n, st, j, COMPLETED);
          return;
        }
        jobs.aux[j] = k + 1;
        jobs.aux2[j] = 1;
        call(w, j, w.edges[s.stepEdge[k + 1]]);
        return;
      }
      if (measured && jobs.aux2[j] === 1) st.failedSteps[k]++;
      if (k > s.pivot) {
        // After the pivot the saga must go forward: retry the step.
        if (jobs.aux2[j] < s.maxAttempts) {
          jobs.aux2[j]++;
          if (measured) st.stepRetries++;
          wait(w, n, st, j);
          return;
        }
        stuck(w, n, st, j, k, false);
        return;
      }
      // A done step with no compensation stays done whatever the others undo: the data is left
      // inconsistent, and the saga must not count as compensated.
      let undoable = true;
      for (let i = 0; i < k; i++) if (s.compEdge[i] < 0) undoable = false;
      if (!undoable) logUndone(w, n, st, k);
      jobs.cursor[j] = undoable ? COMPENSATING : COMPENSATING_PARTIAL;
      st.compensatingNow++;
      compensateFrom(w, n, st, j, k - 1);
      return;
    }
    if (cause === OK) {
      compensateFrom(w, n, st, j, k - 1);
      return;
    }
    if (measured) st.compensationFailures++;
    if (jobs.aux2[j] < s.maxAttempts) {
      jobs.aux2[j]++;
      wait(w, n, st, j);
      return;
    }
    stuck(w, n, st, j, k, true);
  },

  onEvent(w, n, payload) {
    const jobs = w.jobs;
    const st = stateOf(n);
    const j = st.timers.take(jobs, payload);
    // Stale: the saga's slot was freed (and maybe reused) since the timer was set.
    if (j < 0 || jobs.node[j] !== n.index || jobs.state[j] !== J_CALLING) return;
    const k = jobs.aux[j];
    if (jobs.cursor[j] === FORWARD) {
      call(w, j, w.edges[st.s.stepEdge[k]]);
      return;
    }
    if (jobs.statsEpoch[j] === st.statsEpoch) st.compensationAttempts++;
    call(w, j, w.edges[st.s.compEdge[k]]);
  },

  resetStats(_w, n) {
    stateOf(n).resetStats();
  },

  report(_w, n) {
    const st = stateOf(n);
    const s = st.s;
    const failedSteps: Record<string, number> = {};
    const stuckAt: Record<string, number> = {};
    const add = (key: string, v: number) => {
      if (v > 0) stuckAt[key] = (stuckAt[key] ?? 0) + v;
    };
    for (let k = 0; k < s.stepCall.length; k++) {
      failedSteps[stepKey(s, k)] = st.failedSteps[k];
      add(s.stepCompensate[k] ?? '', st.stuckCompensating[k]);
      add(s.stepCall[k], st.stuckForward[k]);
    }
    return {
      started: st.started,
      // For a saga node `completed` means sagas that ran every step (not answers, which are
      // completed + compensated + stuck): the name users look for.
      completed: st.completed,
      compensated: st.compensated,
      // Failed sagas that could not undo every done step (one had no compensation).
      uncompensated: st.uncompensated,
      stuck: st.stuck,
      inFlight: st.inFlightMeasured,
      failedSteps,
      // The services whose tries ran out, with the number of sagas each left stuck.
      stuckAt,
      compensationAttempts: st.compensationAttempts,
      compensationFailures: st.compensationFailures,
      stepRetries: st.stepRetries,
    };
  },

  series: ['inFlight', 'compensating'],
  sample(_w, n, out) {
    const st = stateOf(n);
    out.push(st.inFlight, st.compensatingNow);
  },

  live(_w, n) {
    const st = stateOf(n);
    return { inFlight: st.inFlight, compensating: st.compensatingNow, completed: st.completed, compensated: st.compensated, uncompensated: st.uncompensated, stuck: st.stuck };
  },
};

/** The report's key for step k: its call node, made unique when two steps call the same node. */
function stepKey(s: SagaSettings, k: number): string {
  const callee = s.stepCall[k];
  return s.stepCall.indexOf(callee) === s.stepCall.lastIndexOf(callee) ? callee : `${callee}#${k}`;
}

/** Runs the compensation of the latest done step at or below `from` that has one. */
function compensateFrom(w: World, n: NodeRt, st: SagaState, j: number, from: number): void {
  const jobs = w.jobs;
  let i = from;
  while (i >= 0 && st.s.compEdge[i] < 0) i--;
  if (i < 0) {
    finish(w, n, st, j, COMPENSATED);
    return;
  }
  jobs.aux[j] = i;
  jobs.aux2[j] = 1;
  if (jobs.statsEpoch[j] === st.statsEpoch) st.compensationAttempts++;
  call(w, j, w.edges[st.s.compEdge[i]]);
}

/** Tries the current action again after the backoff (always through the agenda, never re-entrantly). */
function wait(w: World, n: NodeRt, st: SagaState, j: number): void {
  w.q.push(w.now + st.s.backoffMs, EV_KIND, n.index, st.timers.arm(w.jobs, j));
}

/**
 * A compensation (or a step after the pivot) failed its last try: the saga stops there, and
 * what was done stays done. That is an inconsistency a person must repair, so it is logged
 * (at most once a simulated second per saga node, with the running count).
 */
function stuck(w: World, n: NodeRt, st: SagaState, j: number, k: number, compensating: boolean): void {
  const s = st.s;
  st.stuckTotal++;
  if (w.jobs.statsEpoch[j] === st.statsEpoch) (compensating ? st.stuckCompensating : st.stuckForward)[k]++;
  if (w.now - st.lastStuckLogMs >= 1000) {
    st.lastStuckLogMs = w.now;
    const what = compensating
      ? `"${s.stepCompensate[k]}" failed ${s.maxAttempts} tries to undo "${s.stepCall[k]}", so that step and the ones before it stay done`
      : `"${s.stepCall[k]}" (after the pivot) failed ${s.maxAttempts} tries, so the saga can neither finish nor be undone`;
    w.log.add(w.now, 'saga-stuck', `saga ${n.id} stuck: ${what} (inconsistent data; ${st.stuckTotal} stuck so far)`, n.id);
  }
  finish(w, n, st, j, STUCK);
}

/** Logs (at most once a simulated second) a failure that leaves done steps with no compensation. */
function logUndone(w: World, n: NodeRt, st: SagaState, k: number): void {
  st.uncompensatedTotal++;
  if (w.now - st.lastUndoneLogMs < 1000) return;
  st.lastUndoneLogMs = w.now;
  const s = st.s;
  const left = s.stepCall.slice(0, k).filter((_c, i) => s.compEdge[i] < 0);
  w.log.add(w.now, 'saga-uncompensated', `saga ${n.id}: "${s.stepCall[k]}" failed and ${left.map((c) => `"${c}"`).join(', ')} ${left.length === 1 ? 'has' : 'have'} no compensation, so ${left.length === 1 ? 'it stays' : 'they stay'} done: what ${left.length === 1 ? 'it' : 'they'} changed is now inconsistent (${st.uncompensatedTotal} so far)`, n.id);
}

function finish(w: World, n: NodeRt, st: SagaState, j: number, outcome: number): void {
  const jobs = w.jobs;
  st.inFlight--;
  if (jobs.cursor[j] !== FORWARD) st.compensatingNow--;
  if (jobs.statsEpoch[j] === st.statsEpoch) {
    st.inFlightMeasured--;
    if (outcome === COMPLETED) st.completed++;
    else if (outcome === COMPENSATED) {
      if (jobs.cursor[j] === COMPENSATING_PARTIAL) st.uncompensated++;
      else st.compensated++;
    } else st.stuck++;
  }
  answer(w, n, j, outcome === COMPLETED ? OK : FAIL_ERROR);
}

/** Answers the saga's caller, counting the answer as a station does. */
function answer(w: World, n: NodeRt, j: number, cause: number): void {
  n.countAnswer(w.now, w.jobs.arrivedAt[j], cause);
  respond(w, j, cause);
}
