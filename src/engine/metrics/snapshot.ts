import { INST_GONE, INST_READY, INSTANCE_STATE_NAMES } from '../runtime/codes';
import type { World } from '../runtime/world';
import { breakerStateName, type BreakerStateName } from '../calls/circuitBreaker';
import { scalingStateOf } from '../scaling/state';
import { StickySessions } from '../sessions/sticky';
import type { LoggedEvent } from './eventLog';
import { BUCKETS, newMark, percentileOfCounts, type HistogramMark } from './histogram';

export interface ClientLive {
  /** Answers per simulated second since the previous snapshot. */
  rps: number;
  errorRate: number;
  /** p99 of the last whole simulated second. */
  p99Ms: number;
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

export interface NodeLive {
  arrivalsPerS: number;
  throughputPerS: number;
  errorRate: number;
  /** p99 of the calls into this node answered since the previous snapshot (callers' view). */
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
  callsPerS: number;
  errorRate: number;
  /** p99 of the calls answered since the previous snapshot, as the caller saw them (0 when none). */
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

/** Where each edge's latency histogram was last read, and per-node windows (made on first use). */
const windows = new WeakMap<World, { marks: HistogramMark[]; edge: Float64Array; nodes: Float64Array[] }>();

function latencyWindows(w: World): { edgeP99: number[]; nodeP99: number[] } {
  let st = windows.get(w);
  if (!st) {
    st = { marks: w.edges.map(() => newMark()), edge: new Float64Array(BUCKETS), nodes: w.nodes.map(() => new Float64Array(BUCKETS)) };
    windows.set(w, st);
  }
  for (const n of st.nodes) n.fill(0);
  const edgeP99 = w.edges.map((e, k) => {
    st.edge.fill(0);
    e.latency.drainSince(st.marks[k], st.edge);
    const into = st.nodes[e.to];
    for (let i = 0; i < BUCKETS; i++) into[i] += st.edge[i];
    return percentileOfCounts(st.edge, 0.99);
  });
  return { edgeP99, nodeP99: st.nodes.map((c) => percentileOfCounts(c, 0.99)) };
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

/** Builds a snapshot and resets the since-last-snapshot counters. */
export function takeSnapshot(w: World, seq: number, sinceMs: number): Snapshot {
  const dtS = Math.max(1e-9, (w.now - sinceMs) / 1000);
  const { edgeP99, nodeP99 } = latencyWindows(w);
  const clients: Record<string, ClientLive> = {};
  const nodes: Record<string, NodeLive> = {};
  const edges: Record<string, EdgeLive> = {};
  for (const n of w.nodes) {
    const c = n.client;
    if (c) {
      clients[n.id] = {
        rps: c.snapAnswers / dtS,
        errorRate: c.snapAnswers > 0 ? c.snapFailed / c.snapAnswers : 0,
        p99Ms: w.series.length > 0 ? w.series.last(n.seriesBase + 1) : 0,
        sent: c.sent, ok: c.ok, failed: c.failed,
      };
      c.snapAnswers = c.snapFailed = 0;
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
    nodes[n.id] = {
      arrivalsPerS: n.snapArrivals / dtS,
      p99Ms: nodeP99[n.index],
      throughputPerS: n.snapCompleted / dtS,
      errorRate: n.snapFailed > 0 ? n.snapFailed / Math.max(n.snapArrivals, n.snapFailed) : 0,
      utilization: n.capacity > 0 ? n.busy / n.capacity : 0,
      queueLength: n.queued,
      replicas,
      readyReplicas: ready,
      workers: n.workers,
      instances,
    };
    const extra = n.behaviour?.live ? n.behaviour.live(w, n) : serviceExtra(w, n.index);
    if (extra) nodes[n.id].extra = extra;
    n.snapArrivals = n.snapCompleted = n.snapFailed = 0;
  }
  for (const e of w.edges) {
    edges[e.key] = { callsPerS: e.snapCalls / dtS, errorRate: e.snapCalls > 0 ? Math.min(1, e.snapErrors / e.snapCalls) : 0, p99Ms: edgeP99[e.index] };
    if (e.breaker) edges[e.key].breaker = breakerStateName(e.breaker.state);
    if (e.fallbackMs >= 0) edges[e.key].fallbacks = e.fallbacks;
    e.snapCalls = e.snapErrors = 0;
  }
  return { seq, tMs: w.now, events: w.events, clients, nodes, edges, newEvents: w.log.takeNew() };
}
