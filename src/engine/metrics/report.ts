import type { LatencySummary } from './histogram';
import { FAILURE_NAMES, type FailureName } from '../runtime/codes';
import { CLIENT_CHANNELS, NODE_CHANNELS, type World } from '../runtime/world';

export interface ClientReport {
  sent: number;
  ok: number;
  failed: number;
  failedBy: Record<FailureName, number>;
  /** Answers per simulated second over the measured period. */
  throughput: number;
  errorRate: number;
  /** Send to answer, every answer (successes and failures), as k6's http_req_duration. */
  latencyMs: LatencySummary;
}

export interface NodeReport {
  kind: string;
  replicas: number;
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
}

export interface EdgeReport {
  calls: number;
  errors: number;
  timeouts: number;
  latencyMs: LatencySummary;
}

export interface SeriesReport {
  tMs: number[];
  clients: Record<string, Record<(typeof CLIENT_CHANNELS)[number], number[]>>;
  nodes: Record<string, Record<(typeof NODE_CHANNELS)[number], number[]>>;
}

export interface Report {
  name: string;
  seed: number;
  durationMs: number;
  warmupMs: number;
  /** Simulated time the report covers (the run may be stopped early or still going). */
  simulatedMs: number;
  events: number;
  clients: Record<string, ClientReport>;
  nodes: Record<string, NodeReport>;
  edges: Record<string, EdgeReport>;
  series: SeriesReport;
  warnings: string[];
  /** Set when the run stopped before its end, with the reason. */
  stoppedEarly?: string;
}

const r4 = (v: number) => (Number.isFinite(v) ? Math.round(v * 10_000) / 10_000 : 0);
const summary = (s: LatencySummary): LatencySummary => ({ mean: r4(s.mean), p50: r4(s.p50), p95: r4(s.p95), p99: r4(s.p99), max: r4(s.max) });

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
  for (const n of w.nodes) {
    const measuredS = Math.max(1e-9, (w.now - Math.min(w.now, head.warmupMs)) / 1000);
    const c = n.client;
    if (c) {
      const failedBy = {} as Record<FailureName, number>;
      for (let k = 1; k < FAILURE_NAMES.length; k++) failedBy[FAILURE_NAMES[k] as FailureName] = c.failedBy[k];
      const answers = c.ok + c.failed;
      clients[n.id] = {
        sent: c.sent, ok: c.ok, failed: c.failed, failedBy,
        throughput: r4(answers / measuredS),
        errorRate: r4(answers > 0 ? c.failed / answers : 0),
        latencyMs: summary(c.latency.summary()),
      };
      continue;
    }
    n.touch(w.now);
    const cap = n.capArea - n.baseCapArea;
    const span = w.now - n.baseT;
    nodes[n.id] = {
      kind: n.kind,
      replicas: n.replicas(),
      arrivals: n.arrivals,
      completed: n.completed,
      rejected: n.rejected,
      failed: n.failed,
      throughput: r4(n.completed / measuredS),
      utilization: r4(cap > 0 ? (n.busyArea - n.baseBusyArea) / cap : 0),
      meanQueueLength: r4(span > 0 ? (n.queueArea - n.baseQueueArea) / span : 0),
      meanResponseMs: r4(n.completed > 0 ? n.responseSum / n.completed : 0),
    };
  }
  for (const e of w.edges) {
    edges[e.key] = { calls: e.calls, errors: e.errors, timeouts: e.timeouts, latencyMs: summary(e.latency.summary()) };
  }
  return {
    name: head.name,
    seed: head.seed,
    durationMs: head.durationMs,
    warmupMs: head.warmupMs,
    simulatedMs: r4(w.now),
    events: w.events,
    clients, nodes, edges,
    series: buildSeries(w),
    warnings: head.warnings,
    ...(head.stoppedEarly ? { stoppedEarly: head.stoppedEarly } : {}),
  };
}

function buildSeries(w: World): SeriesReport {
  const s = w.series;
  const out: SeriesReport = { tMs: s.times(), clients: {}, nodes: {} };
  for (const n of w.nodes) {
    const b = n.seriesBase;
    if (n.client) {
      out.clients[n.id] = { throughput: s.values(b), latencyP99Ms: s.values(b + 1), errorRate: s.values(b + 2) };
    } else {
      const rec = {} as Record<(typeof NODE_CHANNELS)[number], number[]>;
      NODE_CHANNELS.forEach((name, k) => (rec[name] = s.values(b + k)));
      out.nodes[n.id] = rec;
    }
  }
  return out;
}
