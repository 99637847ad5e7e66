/** Turns the worker's series window into recharts rows: one row per simulated second. */
import { breakerStateOfSeverity } from '../../../engine/calls/breakerCodes';
import type { BreakerState, SeriesWindow } from '../../../worker/protocol';

export type ChartRow = { t: number } & Record<string, number>;

/** Rows with one column per (id, channel) pair picked; columns are named by `name`. */
export function seriesRows(w: SeriesWindow, group: 'clients' | 'nodes', picks: readonly { id: string; channel: string; name: string; scale?: number }[]): ChartRow[] {
  return w.tMs.map((tMs, i) => {
    const row: ChartRow = { t: tMs / 1000 } as ChartRow;
    for (const p of picks) {
      const v = w[group][p.id]?.[p.channel]?.[i];
      if (typeof v === 'number' && Number.isFinite(v)) row[p.name] = v * (p.scale ?? 1);
    }
    return row;
  });
}

/** Error causes that occurred in the window, in a fixed order so colours stay put. */
export const CAUSE_ORDER = ['error', 'timeout', 'rejected', 'rate-limited', 'crashed', 'short-circuited', 'not-found'];

const FAILURES = 'failuresPerS.';

/** Failures per second by cause, summed over clients; only causes that occurred get a column. */
export function causeRows(w: SeriesWindow): { rows: ChartRow[]; causes: string[] } {
  const seen = new Set<string>();
  const rows = w.tMs.map((tMs, i) => {
    const row = { t: tMs / 1000 } as ChartRow;
    for (const channels of Object.values(w.clients)) {
      for (const [name, values] of Object.entries(channels)) {
        if (!name.startsWith(FAILURES)) continue;
        const cause = name.slice(FAILURES.length);
        const v = values[i] ?? 0;
        row[cause] = (row[cause] ?? 0) + v;
        if (v > 0) seen.add(cause);
      }
    }
    return row;
  });
  const causes = [...CAUSE_ORDER.filter((c) => seen.has(c)), ...[...seen].filter((c) => !CAUSE_ORDER.includes(c))];
  return { rows, causes };
}

/** Runs of one breaker state for each of the given edges (those with a breaker), from the per-second series of severities. */
export function breakerRuns(w: SeriesWindow, edges: readonly string[]): { edge: string; runs: { fromS: number; toS: number; state: BreakerState }[] }[] {
  const out = [];
  for (const edge of edges) {
    const codes = w.edges[edge]?.breakerState ?? [];
    const runs: { fromS: number; toS: number; state: BreakerState }[] = [];
    codes.forEach((c, i) => {
      const state = breakerStateOfSeverity(c);
      const t = w.tMs[i] / 1000;
      const last = runs[runs.length - 1];
      if (last && last.state === state) last.toS = t + 1;
      else runs.push({ fromS: t, toS: t + 1, state });
    });
    out.push({ edge, runs });
  }
  return out;
}

export function fmtAxisTime(s: number): string {
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}
