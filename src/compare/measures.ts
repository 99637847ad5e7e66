/**
 * The figures a comparison weighs, read from a report: per client p50, p95, p99, error rate
 * and throughput; the cost; sessions and messages lost; and the time to recover after a
 * fault. The CLI and the page both take them from here, so they agree.
 */
import type { Report } from '../engine/metrics/report';
import { recoveryS } from './recovery';

export type Unit = 'ms' | 'ratio' | 'rps' | 'usd' | 'count' | 's';

export interface MeasureDef {
  /** Stable key: `client:<id>:p99`, `cost`... */
  key: string;
  label: string;
  unit: Unit;
  /** Which way is better: a lower p99, a higher throughput. */
  better: 'lower' | 'higher';
}

export interface Measure extends MeasureDef {
  /** Null when the run had nothing to measure (no success for a latency, no fault to recover from). */
  value: number | null;
}

const CLIENT_FIGURES = [
  { f: 'p50', label: 'p50', unit: 'ms', better: 'lower' },
  { f: 'p95', label: 'p95', unit: 'ms', better: 'lower' },
  { f: 'p99', label: 'p99', unit: 'ms', better: 'lower' },
  { f: 'errorRate', label: 'error rate', unit: 'ratio', better: 'lower' },
  { f: 'throughput', label: 'throughput', unit: 'rps', better: 'higher' },
] as const;

/** Sums a field kinds add to their node report (a queue's `lost`, a service's `sessionsLost`). */
function sumNodes(r: Report, field: string): number {
  let total = 0;
  for (const n of Object.values(r.nodes)) {
    const v = (n as unknown as Record<string, unknown>)[field];
    if (typeof v === 'number') total += v;
  }
  return total;
}

/** The run's figures, clients in report order, then the whole-system ones. */
export function measuresOf(r: Report): Measure[] {
  const out: Measure[] = [];
  for (const [id, c] of Object.entries(r.clients)) {
    for (const m of CLIENT_FIGURES) {
      const value = m.f === 'errorRate' ? (c.ok + c.failed > 0 ? c.errorRate : null)
        : m.f === 'throughput' ? c.throughput
        : c.ok > 0 ? c.latencyMs[m.f] : null;
      out.push({ key: `client:${id}:${m.f}`, label: `${id} ${m.label}`, unit: m.unit, better: m.better, value });
    }
  }
  out.push({ key: 'cost', label: 'cost', unit: 'usd', better: 'lower', value: r.cost.total });
  out.push({ key: 'sessionsLost', label: 'sessions lost', unit: 'count', better: 'lower', value: sumNodes(r, 'sessionsLost') });
  out.push({ key: 'messagesLost', label: 'messages lost', unit: 'count', better: 'lower', value: sumNodes(r, 'lost') });
  out.push({ key: 'recoveryS', label: 'time to recover after a fault', unit: 's', better: 'lower', value: recoveryS(r) });
  return out;
}
