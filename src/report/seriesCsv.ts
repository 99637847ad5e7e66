import type { SeriesReport } from '../engine/metrics/report';
import { csvText } from './csv';

type Channels = { [name: string]: number[] | Channels };

/** Every number[] of a group of channels, nested records named "outer.inner". */
function columns(prefix: string, channels: Channels, out: [string, number[]][]) {
  for (const [name, v] of Object.entries(channels)) {
    if (Array.isArray(v)) out.push([`${prefix}.${name}`, v]);
    else if (v && typeof v === 'object') columns(`${prefix}.${name}`, v, out);
  }
}

/**
 * A report's per-second series as CSV for a spreadsheet: one row per point (t_ms), one
 * column per channel, named like the report's JSON paths
 * (clients.shoppers.latencyP99Ms, clients.shoppers.failuresPerS.timeout, nodes.api.utilization,
 * edges.api->db.attempts).
 */
export function seriesCsv(series: SeriesReport): string {
  const cols: [string, number[]][] = [];
  for (const group of ['clients', 'nodes', 'edges'] as const) {
    for (const [id, channels] of Object.entries(series[group])) columns(`${group}.${id}`, channels as unknown as Channels, cols);
  }
  const rows = series.tMs.map((t, i) => [t, ...cols.map(([, v]) => v[i])]);
  return csvText([['t_ms', ...cols.map(([name]) => name)], ...rows]);
}
