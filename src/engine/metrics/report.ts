import type { LatencySummary } from './histogram';
import { FAILURE_NAMES, type FailureName } from '../runtime/codes';
import type { World } from '../runtime/world';
import { breakerStateName, type BreakerStateName } from '../calls/circuitBreaker';
import { round4 } from './series';
import { CLIENT_CHANNELS, EDGE_CHANNELS, FAILURE_CHANNELS, NODE_CHANNELS } from './tick';
import type { LoggedEvent } from './eventLog';
import type { Trace } from './tracer';
import { costReport, type CostReport } from '../scaling/costReport';

export interface ClientReport {
  sent: number;
  ok: number;
  failed: number;
  failedBy: Record<FailureName, number>;
  /** Answers per simulated second over the measured period. */
  throughput: number;
  errorRate: number;
  /**
   * Send to answer of the successful requests only (all 0 when none succeeded, see `ok`): a
   * failure that comes back fast must not make latency look better (docs/semantics.md).
   */
  latencyMs: LatencySummary;
  /** Send to answer of the failed requests: how long a user waited to learn of the failure. */
  failedLatencyMs: LatencySummary;
}

export interface NodeReport {
  kind: string;
  replicas: number;
  readyReplicas: number;
  arrivals: number;
  completed: number;
  rejected: number;
  failed: number;
  throughput: number;
  /** Busy worker time over worker time of ready instances, 0..1. */
  utilization: number;
  /** Time-weighted mean number of requests waiting (not in service). */
  meanQueueLength: number;
  /** Arrival to answer at this node, including its own calls; rejected requests excluded. */
  meanResponseMs: number;
  /** Gateways with a rate limit: requests answered 429. */
  rateLimited?: number;
  /** Services: sticky sessions lost with the instance that held them (0 with none or a store). */
  sessionsLost?: number;
}

/**
 * What happened on one edge. A *call* is what the caller asked for; each try of it is an
 * *attempt*. Counts are as the caller saw them.
 */
export interface EdgeReport {
  /** Logical calls made. */
  calls: number;
  /** Tries sent (they passed the breaker), retries included. */
  attempts: number;
  /** Calls that ended in failure after their retries (before any fallback answered for them). */
  errors: number;
  /** Attempts that failed, for any reason. */
  failedAttempts: number;
  /** Attempts the caller gave up on. */
  timeouts: number;
  /** Attempts refused: a full bulkhead or room (503), or a rate limit (429). */
  rejected: number;
  /** Attempts after the first. */
  retries: number;
  /** Retries the retry budget did not allow. */
  retriesDropped: number;
  /** Tries an open breaker failed at once without sending them. */
  shortCircuited: number;
  /** Failed calls answered by the fallback instead. */
  fallbacks: number;
  /** Callee time spent on attempts nobody waited for any more (ms). */
  wastedMs: number;
  /** Call duration as the caller saw it, retries and backoff included. */
  latencyMs: LatencySummary;
  circuitBreaker?: {
    state: BreakerStateName;
    transitions: { atMs: number; from: string; to: string }[];
    shortCircuited: number;
  };
}

export interface SeriesReport {
  tMs: number[];
  /** Per client: answers/s, error rate, and latency percentiles of each second's successful requests (0 when none succeeded). */
  clients: Record<string, Record<(typeof CLIENT_CHANNELS)[number], number[]> & { failuresPerS: Record<string, number[]> }>;
  nodes: Record<string, Record<(typeof NODE_CHANNELS)[number], number[]>>;
  /** Per edge: attempts/s, errors/s, and the breaker's worst state in each point as a severity (0 closed, 1 half-open, 2 open; calls/breakerCodes.ts). */
  edges: Record<string, Record<(typeof EDGE_CHANNELS)[number], number[]>>;
}

export interface Report {
  name: string;
  seed: number;
  durationMs: number;
  warmupMs: number;
  /** Simulated time the report covers (the run may be stopped early or still going). */
  simulatedMs: number;
  /** Simulation events processed (the engine's own work, for benchmarks and budgets). */
  eventsProcessed: number;
  clients: Record<string, ClientReport>;
  nodes: Record<string, NodeReport>;
  edges: Record<string, EdgeReport>;
  series: SeriesReport;
  /** Notable events in time order (faults, breaker transitions, crashes, scaling), bounded. */
  events: LoggedEvent[];
  /** Events not kept because the log was full. */
  eventsDropped: number;
  /** Sampled request traces (when the scenario sets tracing). */
  traces?: Trace[];
  /** Dollars the services' instances cost: in all and per service since the start, and per hour now. */
  cost: CostReport;
  warnings: string[];
  /** Set when the run stopped before its end, with the reason. */
  stoppedEarly?: string;
}

const summary = (s: LatencySummary): LatencySummary => ({ mean: round4(s.mean), p50: round4(s.p50), p95: round4(s.p95), p99: round4(s.p99), max: round4(s.max) });

export interface ReportHeader {
  name: string;
  seed: number;
  durationMs: number;
  warmupMs: number;
  warnings: string[];
  stoppedEarly?: string;
}

/** The full result of a run so far: what the CLI prints and lessons check. */
export function buildReport(w: World, head: ReportHeader): Report {
  const clients: Record<string, ClientReport> = {};
  const nodes: Record<string, NodeReport> = {};
  const edges: Record<string, EdgeReport> = {};
  const measuredS = Math.max(1e-9, (w.now - Math.min(w.now, head.warmupMs)) / 1000);
  for (const n of w.nodes) {
    const c = n.client;
    if (c) {
      const failedBy = {} as Record<FailureName, number>;
      for (let k = 1; k < FAILURE_NAMES.length; k++) failedBy[FAILURE_NAMES[k] as FailureName] = c.failedBy[k];
      const answers = c.ok + c.failed;
      clients[n.id] = {
        sent: c.sent, ok: c.ok, failed: c.failed, failedBy,
        throughput: round4(answers / measuredS),
        errorRate: round4(answers > 0 ? c.failed / answers : 0),
        latencyMs: summary(c.latency.summary()),
        failedLatencyMs: summary(c.failedLatency.summary()),
      };
      continue;
    }
    n.touch(w.now);
    const cap = n.capArea - n.baseCapArea;
    const span = w.now - n.baseT;
    nodes[n.id] = {
      kind: n.kind,
      replicas: n.replicas(),
      readyReplicas: n.readyCount,
      arrivals: n.arrivals,
      completed: n.completed,
      rejected: n.rejected,
      failed: n.failed,
      throughput: round4(n.completed / measuredS),
      utilization: round4(cap > 0 ? Math.min(1, (n.busyArea - n.baseBusyArea) / cap) : 0),
      meanQueueLength: round4(span > 0 ? (n.queueArea - n.baseQueueArea) / span : 0),
      meanResponseMs: round4(n.completed > 0 ? n.responseSum / n.completed : 0),
      ...(n.kindReport?.(w, n) ?? {}),
      ...(n.behaviour?.report?.(w, n) ?? {}),
    };
  }
  for (const e of w.edges) {
    const rec: EdgeReport = {
      calls: e.calls, attempts: e.attempts, errors: e.errors, failedAttempts: e.failedAttempts, timeouts: e.timeouts,
      rejected: e.rejected, retries: e.retries, retriesDropped: e.retriesDropped, shortCircuited: e.shortCircuited,
      fallbacks: e.fallbacks, wastedMs: round4(e.wastedMs), latencyMs: summary(e.latency.summary()),
    };
    if (e.breaker) rec.circuitBreaker = { state: breakerStateName(e.breaker.state), transitions: e.transitions.map((t) => ({ ...t, atMs: round4(t.atMs) })), shortCircuited: e.shortCircuited };
    edges[e.key] = rec;
  }
  return {
    name: head.name,
    seed: head.seed,
    durationMs: head.durationMs,
    warmupMs: head.warmupMs,
    simulatedMs: round4(w.now),
    eventsProcessed: w.events,
    clients, nodes, edges,
    series: buildSeries(w),
    events: w.log.entries.slice(),
    eventsDropped: w.log.dropped,
    ...(w.tracer ? { traces: w.tracer.traces() } : {}),
    cost: costReport(w),
    warnings: head.warnings,
    ...(head.stoppedEarly ? { stoppedEarly: head.stoppedEarly } : {}),
  };
}

/** The report's series, from point `first` on (a live view asks for its window only). */
export function buildSeries(w: World, first = 0): SeriesReport {
  const s = w.series;
  const out: SeriesReport = { tMs: s.times(first), clients: {}, nodes: {}, edges: {} };
  for (const n of w.nodes) {
    const b = n.seriesBase;
    if (n.client) {
      const failuresPerS: Record<string, number[]> = {};
      FAILURE_CHANNELS.forEach((cause, k) => (failuresPerS[cause] = s.values(b + CLIENT_CHANNELS.length + k, first)));
      const rec = { failuresPerS } as SeriesReport['clients'][string];
      CLIENT_CHANNELS.forEach((name, k) => (rec[name] = s.values(b + k, first)));
      out.clients[n.id] = rec;
    } else {
      const rec = {} as Record<(typeof NODE_CHANNELS)[number], number[]>;
      NODE_CHANNELS.forEach((name, k) => (rec[name] = s.values(b + k, first)));
      n.behaviour?.series?.forEach((name, k) => ((rec as Record<string, number[]>)[name] = s.values(b + NODE_CHANNELS.length + k, first)));
      out.nodes[n.id] = rec;
    }
  }
  for (const e of w.edges) {
    const rec = {} as Record<(typeof EDGE_CHANNELS)[number], number[]>;
    EDGE_CHANNELS.forEach((name, k) => (rec[name] = s.values(e.seriesBase + k, first)));
    out.edges[e.key] = rec;
  }
  return out;
}
