/**
 * What a run came to, for the panel the page shows when Play reaches the scenario's end: per
 * client what was sent, what failed and the p99 of the successes (never flattered by fast
 * failures, see docs/semantics.md), and the events that mattered, with their times.
 */
import type { LoggedEvent } from '../engine/metrics/eventLog';
import type { Report } from '../engine/metrics/report';

export interface ClientSummary {
  id: string;
  sent: number;
  ok: number;
  failed: number;
  /** Failed over answered. */
  errorRate: number;
  /** p99 of the successful requests; null when none succeeded. */
  p99Ms: number | null;
  /** p99 of the failed requests (how long a user waited to learn of it); null when none failed. */
  failedP99Ms: number | null;
}

export interface RunSummary {
  /** Simulated time the run ended at. */
  atMs: number;
  clients: ClientSummary[];
  /** Faults, breaker openings, scaling, crashes, lost sessions..., oldest first. */
  events: LoggedEvent[];
  /** Events that mattered but did not fit. */
  moreEvents: number;
  /** What was lost for good, in words ("orders: 37 messages lost"). */
  losses: string[];
}

export const MAX_SUMMARY_EVENTS = 30;

const always = () => true;
/** The event kinds a summary keeps, and which of their events. */
const MATTERS: Record<string, (e: LoggedEvent) => boolean> = {
  'fault-start': always,
  'fault-end': always,
  breaker: (e) => /-> OPEN$/.test(e.message),
  crash: always,
  scale: always,
  autoscale: always,
  resize: (e) => / -> /.test(e.message),
  sessions: always,
  'saga-stuck': always,
  evicted: always,
};

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function summarizeRun(r: Report): RunSummary {
  const clients = Object.entries(r.clients).map(([id, c]): ClientSummary => ({
    id, sent: c.sent, ok: c.ok, failed: c.failed,
    errorRate: c.ok + c.failed > 0 ? c.failed / (c.ok + c.failed) : 0,
    p99Ms: c.ok > 0 ? c.latencyMs.p99 : null,
    failedP99Ms: c.failed > 0 ? c.failedLatencyMs.p99 : null,
  }));
  const mattered = r.events.filter((e) => MATTERS[e.kind]?.(e));
  const losses: string[] = [];
  for (const [id, node] of Object.entries(r.nodes)) {
    // Kinds add their own fields (a queue's lost messages, a saga's stuck ones).
    const n: Record<string, unknown> = { ...node };
    const num = (k: string) => (typeof n[k] === 'number' ? (n[k] as number) : 0);
    if (num('lost') > 0) losses.push(`${id}: ${count(num('lost'), 'message')} lost`);
    if (num('deadLettered') > 0) losses.push(`${id}: ${count(num('deadLettered'), 'message')} moved to the dead-letter queue`);
    if (num('sessionsLost') > 0) losses.push(`${id}: ${count(num('sessionsLost'), 'session')} lost`);
    if (num('stuck') > 0) losses.push(`${id}: ${count(num('stuck'), 'saga')} stuck half done`);
  }
  return {
    atMs: r.simulatedMs,
    clients,
    events: mattered.slice(0, MAX_SUMMARY_EVENTS),
    moreEvents: Math.max(0, mattered.length - MAX_SUMMARY_EVENTS) + r.eventsDropped,
    losses,
  };
}
