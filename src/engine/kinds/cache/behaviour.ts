import { respond } from '../../calls/pipeline';
import type { Rng } from '../../core/rng';
import { sample, type Sampler } from '../../core/sampler';
import { EV_KIND, FAIL_CRASHED, FAIL_ERROR, OK } from '../../runtime/codes';
import { J_CALLING, J_LIMBO, J_SERVICE } from '../../runtime/jobStates';
import type { NodeRt } from '../../runtime/nodeRuntime';
import type { World } from '../../runtime/world';
import type { NodeBehaviour } from '../behaviour';
import { callNextEdge } from '../callThrough';
import { SlotTimers } from '../saga/timers';
import type { CacheModel } from './model';

/**
 * A cache node at run time (docs/semantics.md, "Cache"). A request is one lookup: after
 * `hitTimeMs` a hit answers; a miss calls the cache's edges in order (the origin) and, when
 * they succeed, fills the key and answers. Concurrent misses of one key each call through
 * (no request coalescing), which is what makes a flushed cache's origin see a thundering herd.
 *
 * Slot columns: `aux` is the key being fetched (-1 for a hit), `aux2` the next edge to call.
 */
export class CacheState {
  readonly timers = new SlotTimers();
  /** Kill faults in force: the cache is down and refuses lookups; it comes back empty. */
  down = 0;
  /** This simulated second's lookups and hits, for the series; the last second's ratio. */
  secLookups = 0;
  secHits = 0;
  lastRatio = 0;

  constructor(
    readonly model: CacheModel,
    readonly hitTime: Sampler,
    readonly rng: Rng,
  ) {}
}

const stateOf = (n: NodeRt) => n.state as CacheState;

function answer(w: World, n: NodeRt, j: number, cause: number): void {
  n.countAnswer(w.now, w.jobs.arrivedAt[j], cause);
  respond(w, j, cause);
}

/** The key is fetched (or there was nothing to fetch): store it and answer. */
function filled(w: World, n: NodeRt, st: CacheState, j: number): void {
  st.model.fill(w.jobs.aux[j], w.now);
  answer(w, n, j, OK);
}

const hitRatio = (st: CacheState) => {
  const m = st.model;
  return m.hits + m.misses > 0 ? m.hits / (m.hits + m.misses) : 0;
};

export const cacheBehaviour: NodeBehaviour = {
  arrive(w, n, j) {
    const jobs = w.jobs;
    const st = stateOf(n);
    if (n.blackholes > 0) {
      jobs.state[j] = J_LIMBO;
      return;
    }
    if (st.down > 0) {
      n.rejected++;
      n.liveFailed++;
      respond(w, j, FAIL_CRASHED);
      return;
    }
    if (n.failsByFault()) {
      answer(w, n, j, FAIL_ERROR);
      return;
    }
    const key = st.model.lookup(st.rng, w.now);
    st.secLookups++;
    if (key < 0) st.secHits++;
    jobs.aux[j] = key;
    jobs.aux2[j] = 0;
    jobs.state[j] = J_SERVICE;
    let t = sample(st.hitTime, st.rng) * n.serviceFactor;
    t += n.faultDelayMs();
    w.q.push(w.now + t, EV_KIND, n.index, st.timers.arm(jobs, j));
  },

  onEvent(w, n, payload) {
    const jobs = w.jobs;
    const st = stateOf(n);
    const j = st.timers.take(jobs, payload);
    if (j < 0 || jobs.node[j] !== n.index || jobs.state[j] !== J_SERVICE) return;
    if (jobs.aux[j] < 0) {
      answer(w, n, j, OK);
      return;
    }
    jobs.state[j] = J_CALLING;
    if (!callNextEdge(w, n, j)) filled(w, n, st, j);
  },

  onChildResult(w, n, j, cause) {
    const st = stateOf(n);
    if (cause !== OK) {
      // The origin failed: nothing to store, and the failure is the origin's, passed on.
      n.livePassedOn++;
      answer(w, n, j, cause);
      return;
    }
    if (!callNextEdge(w, n, j)) filled(w, n, st, j);
  },

  flush(w, n) {
    const st = stateOf(n);
    const held = st.model.size;
    st.model.flush();
    w.log.add(w.now, 'flush', `${n.id} flushed: ${held} entries dropped, every key misses until it is fetched again`, n.id);
  },

  kill(w, n, dir) {
    const st = stateOf(n);
    st.down = Math.max(0, st.down + dir);
    // A cache without persistence comes back empty (a cold start).
    if (dir > 0) st.model.flush();
    w.log.add(w.now, dir > 0 ? 'crash' : 'restart', dir > 0 ? `${n.id} is down: lookups fail until it restarts` : `${n.id} restarted empty (cold)`, n.id);
  },

  resetStats(_w, n) {
    stateOf(n).model.resetCounters();
  },

  report(_w, n) {
    const st = stateOf(n);
    const m = st.model;
    return {
      hits: m.hits,
      misses: m.misses,
      hitRatio: Math.round(hitRatio(st) * 1e4) / 1e4,
      evictions: m.evictions,
      expired: m.expired,
      flushes: m.flushes,
      entries: m.size,
    };
  },

  series: ['hitRatio', 'entries'],
  sample(_w, n, out) {
    const st = stateOf(n);
    // A second without lookups keeps the last ratio rather than dropping to 0.
    if (st.secLookups > 0) st.lastRatio = st.secHits / st.secLookups;
    out.push(st.lastRatio, st.model.size);
  },
  onSecond(_w, n) {
    const st = stateOf(n);
    st.secLookups = st.secHits = 0;
  },

  live(_w, n) {
    const st = stateOf(n);
    return { hitRatio: Math.round(st.lastRatio * 1000) / 1000, entries: st.model.size, evictions: st.model.evictions };
  },
};
