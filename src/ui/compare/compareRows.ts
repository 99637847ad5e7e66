/**
 * Chart rows for Compare mode: A and B on one time axis, one column per variant and client
 * ("A · shoppers"), and over several seeds the mean with a band column ([low, high] of its
 * 95 % interval) drawn as a shaded range.
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

/** At most this many points across a chart over seeds: seconds are averaged in buckets past it, so a band reads as a band. */
export const MAX_SEED_POINTS = 120;

/** One run's channel averaged over seconds [from, to); null with no point there. */
function bucketMean(values: readonly number[] | undefined, from: number, to: number): number | null {
  if (!values) return null;
  let sum = 0, n = 0;
  for (let i = from; i < Math.min(to, values.length); i++) {
    if (Number.isFinite(values[i])) {
      sum += values[i];
      n++;
    }
  }
  return n ? sum / n : null;
}

/**
 * Rows over seeds: each stretch's mean over the seeds, and its 95 % interval as a band. Long
 * runs are averaged over stretches of a few seconds ({@link MAX_SEED_POINTS} at most).
 */
export function seedRows(a: readonly SeedRun[], b: readonly SeedRun[], clients: readonly string[], channel: BandChannel, scale = 1): CompareRow[] {
  const tMs = a[0]?.tMs ?? b[0]?.tMs ?? [];
  const step = Math.max(1, Math.ceil(tMs.length / MAX_SEED_POINTS));
  const starts = tMs.filter((_, i) => i % step === 0);
  return starts.map((t, k) => {
    const i = k * step;
    const row = { t: t / 1000 } as CompareRow;
    for (const [v, runs] of [['A', a], ['B', b]] as const) {
      for (const id of clients) {
        const e = estimate(runs.map((r) => bucketMean(r.clients[id]?.[channel], i, i + step)));
        if (!e) continue;
        row[column(v, id)] = e.mean * scale;
        if (e.lo !== null && e.hi !== null) row[bandColumn(v, id)] = [Math.max(0, e.lo) * scale, e.hi * scale];
      }
    }
    return row;
  });
}
