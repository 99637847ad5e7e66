/**
 * The lines of the client latency chart: p50, p95 and p99 per client. Each percentile has its
 * own dash pattern (solid, dashed, dotted), so the lines differ without colour; with one
 * client each percentile also has its own colour, with several each client has one.
 *
 * The percentiles are of the successful requests (docs/semantics.md): a second in which none
 * succeeded has no point, so the line breaks there instead of dropping to 0 ms.
 */
import type { SeriesWindow } from '../../../worker/protocol';
import { DASHES, PALETTE } from './chartBits';
import { seriesRows, type ChartRow } from './seriesData';

export const PERCENTILE_LINES = [
  { channel: 'latencyP50Ms', label: 'p50', dash: DASHES[0], color: PALETTE[5] },
  { channel: 'latencyP95Ms', label: 'p95', dash: DASHES[1], color: PALETTE[4] },
  { channel: 'latencyP99Ms', label: 'p99', dash: DASHES[2], color: PALETTE[3] },
] as const;

export interface LatencyLine {
  id: string;
  channel: string;
  name: string;
  dash: string;
  color: string;
}

/** The chart's rows: one per simulated second, without a client's points in seconds it had no success. */
export function latencyRows(w: SeriesWindow, lines: readonly LatencyLine[]): ChartRow[] {
  const rows = seriesRows(w, 'clients', lines);
  for (const line of lines) {
    const answers = w.clients[line.id]?.throughput;
    const errors = w.clients[line.id]?.errorRate;
    if (!answers) continue;
    rows.forEach((row, i) => {
      if (!(answers[i] > 0 && (errors?.[i] ?? 0) < 1)) delete row[line.name];
    });
  }
  return rows;
}

/** One line per client and percentile the series window carries. */
export function latencyLines(w: SeriesWindow, clients: readonly string[]): LatencyLine[] {
  const several = clients.length > 1;
  return clients.flatMap((id, c) => PERCENTILE_LINES.filter((p) => w.clients[id]?.[p.channel]).map((p) => ({
    id,
    channel: p.channel,
    name: several ? `${id} ${p.label}` : p.label,
    dash: p.dash,
    color: several ? PALETTE[c % PALETTE.length] : p.color,
  })));
}
