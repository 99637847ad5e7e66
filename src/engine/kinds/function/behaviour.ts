import { respond } from '../../calls/pipeline';
import type { Rng } from '../../core/rng';
import { sample, type Sampler } from '../../core/sampler';
import { EV_KIND, FAIL_ERROR, FAIL_RATE_LIMITED, OK } from '../../runtime/codes';
import { J_CALLING, J_LIMBO, J_SERVICE } from '../../runtime/jobStates';
import type { NodeRt } from '../../runtime/nodeRuntime';
import { reject } from '../../runtime/stations';
import type { World } from '../../runtime/world';
import type { NodeBehaviour } from '../behaviour';
import { callNextEdge } from '../callThrough';
import { SlotTimers } from '../saga/timers';
import type { LambdaBill } from './billing';
import { ENV_COLD, ENV_PROVISIONED, ENV_THROTTLED, type EnvironmentPool } from './environments';

/**
 * A serverless function at run time (docs/semantics.md, "Function"). An invocation takes an
 * execution environment from the pool (or is throttled: 429), pays the cold start if the
 * environment is new, runs its handler for `durationMs`, makes its calls in order, answers,
 * and leaves its environment warm for the next one. Concurrency is the node's busy count, so
 * the generic utilization is concurrency over the limit.
 *
 * Slot columns: `aux` is the environment kind (ENV_*), `aux2` the next edge to call, `cursor`
 * the phase (INIT while a new environment initialises, HANDLER while the handler runs).
 */
const INIT = 0;
const HANDLER = 1;
/** The payload of the idle-reclaim timer (slot timers use ids from 0). */
const RECLAIM = -1;

export class FunctionState {
  readonly timers = new SlotTimers();
  /** Environments initialising now (cold starts under way). */
  initialising = 0;
  /** When the reclaim timer is armed for, Infinity when it is not. */
  reclaimAt = Infinity;
  /** This simulated second's cold starts and throttles; the busy integral at the last tick. */
  secCold = 0;
  secThrottles = 0;
  lastColdPerS = 0;
  tickBusyArea = 0;
  lastSampleMs = 0;
  /** Dollars spent at the last tick, and the rate over the last second (dollars per hour). */
  spentAtTick = 0;
  perHour = 0;

  constructor(
    readonly pool: EnvironmentPool,
    readonly bill: LambdaBill,
    readonly duration: Sampler,
    readonly coldStart: Sampler,
    readonly rng: Rng,
  ) {}
}

const stateOf = (n: NodeRt) => n.state as FunctionState;

function runHandler(w: World, n: NodeRt, st: FunctionState, j: number): void {
  w.jobs.cursor[j] = HANDLER;
  let t = sample(st.duration, st.rng) * n.serviceFactor;
  t += n.faultDelayMs();
  w.q.push(w.now + t, EV_KIND, n.index, st.timers.arm(w.jobs, j));
}

/** The invocation is over: its environment goes back to the pool, it is billed, and answers. */
function finish(w: World, n: NodeRt, st: FunctionState, j: number, cause: number): void {
  const jobs = w.jobs;
  const kind = jobs.aux[j];
  st.pool.release(kind, w.now);
  n.touch(w.now);
  n.busy--;
  st.bill.invoke(w.now - jobs.arrivedAt[j], kind === ENV_PROVISIONED);
  armReclaim(w, n, st);
  n.countAnswer(w.now, jobs.arrivedAt[j], cause);
  respond(w, j, cause);
}

function armReclaim(w: World, n: NodeRt, st: FunctionState): void {
  if (st.reclaimAt < Infinity) return;
  const t = st.pool.nextReclaimMs();
  if (t === Infinity) return;
  st.reclaimAt = t;
  w.q.push(t, EV_KIND, n.index, RECLAIM);
}

export const functionBehaviour: NodeBehaviour = {
  arrive(w, n, j) {
    const jobs = w.jobs;
    const st = stateOf(n);
    if (n.blackholes > 0) {
      jobs.state[j] = J_LIMBO;
      return;
    }
    const kind = st.pool.acquire(w.now);
    if (kind === ENV_THROTTLED) {
      st.secThrottles++;
      reject(w, j, n, FAIL_RATE_LIMITED);
      return;
    }
    n.touch(w.now);
    n.busy++;
    jobs.aux[j] = kind;
    jobs.aux2[j] = 0;
    jobs.state[j] = J_SERVICE;
    if (kind !== ENV_COLD) {
      runHandler(w, n, st, j);
      return;
    }
    st.secCold++;
    st.initialising++;
    jobs.cursor[j] = INIT;
    w.q.push(w.now + sample(st.coldStart, st.rng), EV_KIND, n.index, st.timers.arm(jobs, j));
  },

  onEvent(w, n, payload) {
    const st = stateOf(n);
    if (payload === RECLAIM) {
      st.reclaimAt = Infinity;
      st.pool.reclaim(w.now);
      armReclaim(w, n, st);
      return;
    }
    const jobs = w.jobs;
    const j = st.timers.take(jobs, payload);
    if (j < 0 || jobs.node[j] !== n.index || jobs.state[j] !== J_SERVICE) return;
    if (jobs.cursor[j] === INIT) {
      st.initialising--;
      runHandler(w, n, st, j);
      return;
    }
    if (n.failsByFault()) {
      finish(w, n, st, j, FAIL_ERROR);
      return;
    }
    jobs.state[j] = J_CALLING;
    if (!callNextEdge(w, n, j)) finish(w, n, st, j, OK);
  },

  onChildResult(w, n, j, cause) {
    const st = stateOf(n);
    if (cause !== OK) {
      // An unhandled failure of a call fails the invocation (the handler throws).
      n.livePassedOn++;
      finish(w, n, st, j, cause);
      return;
    }
    if (!callNextEdge(w, n, j)) finish(w, n, st, j, OK);
  },

  resetStats(_w, n) {
    stateOf(n).pool.resetCounters();
  },

  report(w, n) {
    const st = stateOf(n);
    const p = st.pool;
    return {
      invocations: p.coldStarts + p.warmStarts + p.provisionedStarts,
      coldStarts: p.coldStarts,
      warmStarts: p.warmStarts + p.provisionedStarts,
      throttles: p.throttles,
      concurrentExecutions: p.concurrency,
      peakConcurrentExecutions: p.peakConcurrency,
      concurrencyLimit: p.limit,
      environments: p.environments,
      reclaimed: p.reclaimed,
      billedGbSeconds: Math.round(((st.bill.billedMs + st.bill.billedProvisionedMs) / 1000) * st.bill.gb * 1e4) / 1e4,
      costDollars: Math.round(st.bill.totalAt(w.now) * 1e6) / 1e6,
    };
  },

  series: ['concurrentExecutions', 'warmEnvironments', 'coldStarts', 'throttles'],
  sample(w, n, out) {
    const st = stateOf(n);
    // Mean concurrency over the second (the tick has brought the busy integral up to now).
    const span = w.now - st.lastSampleMs > 0 ? w.now - st.lastSampleMs : 1000;
    st.lastSampleMs = w.now;
    const busy = n.busyArea - st.tickBusyArea;
    st.tickBusyArea = n.busyArea;
    out.push(busy / span, st.pool.environments - st.initialising, st.secCold * (1000 / span), st.secThrottles * (1000 / span));
  },
  onSecond(w, n) {
    const st = stateOf(n);
    st.lastColdPerS = st.secCold;
    st.secCold = st.secThrottles = 0;
    st.pool.reclaim(w.now);
    const spent = st.bill.totalAt(w.now);
    st.perHour = (spent - st.spentAtTick) * 3600;
    st.spentAtTick = spent;
  },

  cost(w, n) {
    const st = stateOf(n);
    return { spent: st.bill.totalAt(w.now), perHour: st.perHour };
  },

  live(_w, n) {
    const st = stateOf(n);
    const p = st.pool;
    return {
      concurrency: p.concurrency,
      initialising: st.initialising,
      warm: p.environments - st.initialising,
      coldStarts: p.coldStarts,
      coldStartsPerS: st.lastColdPerS,
      throttles: p.throttles,
      costPerHour: Math.round(st.perHour * 1e6) / 1e6,
    };
  },
};
