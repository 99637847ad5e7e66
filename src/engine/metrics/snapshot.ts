import { INST_GONE, INST_READY, INSTANCE_STATE_NAMES } from '../runtime/codes';
import type { World } from '../runtime/world';
import { breakerStateName, type BreakerStateName } from '../calls/circuitBreaker';
import { scalingStateOf } from '../scaling/state';
import { StickySessions } from '../sessions/sticky';
import type { LoggedEvent } from './eventLog';

export interface ClientLive {
  /** Answers per simulated second over the live window (metrics/liveWindow.ts). */
  rps: number;
  /** Failed answers over all answers, over the live window (metrics/liveWindow.ts). */
  errorRate: number;
  /** p99 of the successful requests of the last whole simulated second; 0 when none succeeded. */
  p99Ms: number;
  /** The last whole simulated second had answers and not one success: p99 has nothing to say. */
  lastSecondAllFailed: boolean;
  sent: number;
  ok: number;
  failed: number;
}

export interface InstanceLive {
  state: (typeof INSTANCE_STATE_NAMES)[number];
  busy: number;
  queued: number;
  workers: number;
}

/** Rates cover the live window of simulated time (metrics/liveWindow.ts), p99 the last whole second. */
export interface NodeLive {
  arrivalsPerS: number;
  throughputPerS: number;
  /** Failed answers over arrivals, whatever made them fail. */
  errorRate: number;
  /**
   * The part of {@link errorRate} that started here (a crash, a full queue, an injected error,
   * a rate limit...), not failures of the node's own calls that it only passed on.
   */
  ownErrorRate: number;
  /** p99 of the calls into this node (callers' view) over the last whole simulated second; 0 when none. */
  p99Ms: number;
  /** Busy workers over ready workers right now, 0..1. */
  utilization: number;
  queueLength: number;
  replicas: number;
  readyReplicas: number;
  workers: number;
  instances: InstanceLive[];
  /**
   * Kind-specific live values (queue depth, saga counts...), and for services what they cost
   * now (`costPerHour`, dollars) and, with sticky sessions, the sessions lost so far (`sessionsLost`).
   */
  extra?: Record<string, number | string>;
}

export interface EdgeLive {
  /** Calls per simulated second over the live window (metrics/liveWindow.ts). */
  callsPerS: number;
  errorRate: number;
  /** p99 of the calls answered in the last whole simulated second, as the caller saw them (0 when none). */
  p99Ms: number;
  breaker?: BreakerStateName;
  /** Failed calls the edge's fallback answered, since the run (or warm-up) began; only on edges with a fallback. */
  fallbacks?: number;
}

/** A cheap picture of the run now, for the live UI (about ten a second). */
export interface Snapshot {
  seq: number;
  tMs: number;
  events: number;
  clients: Record<string, ClientLive>;
  nodes: Record<string, NodeLive>;
  edges: Record<string, EdgeLive>;
  /** Events logged since the previous snapshot. */
  newEvents: LoggedEvent[];
}

/** A service's live extras: its cost rate now and, with sticky sessions, the sessions it lost. */
function serviceExtra(w: World, index: number): Record<string, number> | undefined {
  const ss = scalingStateOf(w)?.byNode[index];
  if (!ss) return undefined;
  const out: Record<string, number> = { costPerHour: Math.round(ss.ratePerHour() * 1e6) / 1e6 };
  const sessions = ss.node.sessions;
  if (sessions instanceof StickySessions) out.sessionsLost = sessions.lost;
  return out;
}

/** Builds a snapshot: rates over the live window, states as they are now. */
export function takeSnapshot(w: World, seq: number): Snapshot {
  const live = w.live;
  live.watchLatency(w);
  const spanS = live.spanS(w.now);
  const perS = (k: number, current: number) => (spanS > 0 ? live.delta(k, current) / spanS : 0);
  const clients: Record<string, ClientLive> = {};
  const nodes: Record<string, NodeLive> = {};
  const edges: Record<string, EdgeLive> = {};
  for (const n of w.nodes) {
    const b = live.nodeBase(n.index);
    const c = n.client;
    if (c) {
      const answers = live.delta(b, c.liveAnswers);
      clients[n.id] = {
        rps: perS(b, c.liveAnswers),
        errorRate: answers > 0 ? live.delta(b + 1, c.liveFailed) / answers : 0,
        p99Ms: w.series.length > 0 ? w.series.last(n.seriesBase + 1) : 0,
        lastSecondAllFailed: w.series.length > 0 && w.series.last(n.seriesBase) > 0 && w.series.last(n.seriesBase + 2) >= 1,
        sent: c.sent, ok: c.ok, failed: c.failed,
      };
      continue;
    }
    let ready = 0, replicas = 0;
    const instances: InstanceLive[] = [];
    for (const inst of n.instances) {
      if (inst.state === INST_GONE) continue;
      replicas++;
      if (inst.state === INST_READY) ready++;
      instances.push({ state: INSTANCE_STATE_NAMES[inst.state], busy: inst.busy, queued: inst.qLen, workers: inst.workers });
    }
    const failed = live.delta(b + 2, n.liveFailed);
    const over = Math.max(live.delta(b, n.liveArrivals), failed);
    const own = failed - live.delta(b + 3, n.livePassedOn);
    nodes[n.id] = {
      arrivalsPerS: perS(b, n.liveArrivals),
      p99Ms: n.liveP99Ms,
      throughputPerS: perS(b + 1, n.liveCompleted),
      errorRate: over > 0 ? failed / over : 0,
      ownErrorRate: over > 0 ? Math.max(0, own) / over : 0,
      utilization: n.capacity > 0 ? n.busy / n.capacity : 0,
      queueLength: n.queued,
      replicas,
      readyReplicas: ready,
      workers: n.workers,
      instances,
    };
    const extra = n.behaviour?.live ? n.behaviour.live(w, n) : serviceExtra(w, n.index);
    if (extra) nodes[n.id].extra = extra;
  }
  for (const e of w.edges) {
    const b = live.edgeBase(e.index);
    const calls = live.delta(b, e.liveCalls);
    edges[e.key] = { callsPerS: perS(b, e.liveCalls), errorRate: calls > 0 ? Math.min(1, live.delta(b + 1, e.liveErrors) / calls) : 0, p99Ms: e.liveP99Ms };
    if (e.breaker) edges[e.key].breaker = breakerStateName(e.breaker.state);
    if (e.fallbackMs >= 0) edges[e.key].fallbacks = e.fallbacks;
  }
  return { seq, tMs: w.now, events: w.events, clients, nodes, edges, newEvents: w.log.takeNew() };
}
