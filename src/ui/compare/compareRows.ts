/**
 * Chart rows for Compare mode: A and B on one time axis, one column per variant and client
 * ("A · shoppers"), and over several seeds the mean with a band column ([low, high] of its
 * 95 % interval) that recharts draws as a shaded range.
 */
import { estimate } from '../../compare/stats';
import type { SeriesWindow } from '../../worker/protocol';
import type { BandChannel, SeedRun } from '../../worker/seedRuns';

export type Variant = 'A' | 'B';
export type CompareRow = { t: number } & Record<string, number | [number, number]>;

export const column = (v: Variant, client: string) => `${v} · ${client}`;
export const bandColumn = (v: Variant, client: string) => `${column(v, client)} (95 % band)`;

/** Rows of the live runs' windows, matched by simulated second. */
export function liveRows(a: SeriesWindow | null, b: SeriesWindow, clients: readonly string[], channel: BandChannel, scale = 1): CompareRow[] {
  const rows = new Map<number, CompareRow>();
  const add = (w: SeriesWindow | null, v: Variant) => {
    if (!w) return;
    w.tMs.forEach((tMs, i) => {
      let row = rows.get(tMs);
      if (!row) rows.set(tMs, (row = { t: tMs / 1000 } as CompareRow));
      for (const id of clients) {
        const x = w.clients[id]?.[channel]?.[i];
        if (typeof x === 'number' && Number.isFinite(x)) row[column(v, id)] = x * scale;
      }
    });
  };
  add(a, 'A');
  add(b, 'B');
  return [...rows.values()].sort((x, y) => x.t - y.t);
}

/** Rows over seeds: each second's mean over the seeds, and its 95 % interval as a band. */
export function seedRows(a: readonly SeedRun[], b: readonly SeedRun[], clients: readonly string[], channel: BandChannel, scale = 1): CompareRow[] {
  const tMs = a[0]?.tMs ?? b[0]?.tMs ?? [];
  return tMs.map((t, i) => {
    const row = { t: t / 1000 } as CompareRow;
    for (const [v, runs] of [['A', a], ['B', b]] as const) {
      for (const id of clients) {
        const e = estimate(runs.map((r) => r.clients[id]?.[channel]?.[i] ?? null));
        if (!e) continue;
        row[column(v, id)] = e.mean * scale;
        if (e.lo !== null && e.hi !== null) row[bandColumn(v, id)] = [Math.max(0, e.lo) * scale, e.hi * scale];
      }
    }
    return row;
  });
}
