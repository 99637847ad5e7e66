import type { RunFigures } from '../../sweep/figures';
import { kneeIndex } from '../../sweep/knee';
import { sweepRows, worstP99, type Stat, type SweepRow } from '../../sweep/rows';
import type { SweepPlan } from './sweepState';

/** One value of the sweep as its charts show it: means over the seeds that finished. */
export interface SweepPoint {
  x: number;
  /** p99 per client (ms), keyed `p99:<client id>` so recharts can name each line. */
  [p99: `p99:${string}`]: number | null;
  /** Over several seeds, the smallest and largest of the same figures: the charts shade between them. */
  [p99Band: `p99band:${string}`]: [number, number] | null;
  errorBand: [number, number] | null;
  costBand: [number, number] | null;
  worstP99: number | null;
  /** Failed answers over all answers, in percent. */
  errorPct: number | null;
  /** What the services cost per hour on average over the run. */
  costPerHour: number | null;
  failed: number;
}

export interface SweepPicture {
  /** The values run so far with their figures over the seeds, as npm run sweep prints them. */
  rows: SweepRow[];
  points: SweepPoint[];
  clients: string[];
  /** Index into points of the knee of the worst p99, if the curve has one. */
  knee: number | null;
  /** The knee and the price of a step, in a sentence each (empty until there is enough to say). */
  notes: string[];
}

const HOUR_MS = 3_600_000;

export const fmtMs = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
export const fmtDollars = (v: number) => `$${v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(3)}`;
export const fmtPct = (v: number) => `${v >= 10 ? v.toFixed(0) : v.toFixed(1)}%`;

const band = (s: Stat | null, scale: number): [number, number] | null => (s ? [s.min * scale, s.max * scale] : null);

export function sweepPicture(plan: SweepPlan, runs: readonly RunFigures[]): SweepPicture {
  // Runs arrive in order; a hole (none today) would end the whole values there.
  const done = runs.findIndex((r) => r === undefined);
  const rows = sweepRows(plan, done < 0 ? runs : runs.slice(0, done));
  const clients = Object.keys(rows[0]?.clients ?? {});
  const perHour = HOUR_MS / plan.durationMs;
  const points = rows.map((r) => {
    const p: SweepPoint = {
      x: Number(r.value), worstP99: worstP99(r), errorPct: r.errorRate ? r.errorRate.mean * 100 : null,
      costPerHour: r.cost ? r.cost.mean * perHour : null, failed: r.failed,
      errorBand: band(r.errorRate, 100), costBand: band(r.cost, perHour),
    };
    for (const id of clients) {
      p[`p99:${id}`] = r.clients[id].p99?.mean ?? null;
      p[`p99band:${id}`] = band(r.clients[id].p99, 1);
    }
    return p;
  });
  const measured = points.filter((p): p is SweepPoint & { worstP99: number } => p.worstP99 !== null);
  const k = kneeIndex(measured.map((p) => ({ x: p.x, y: p.worstP99 })));
  const knee = k === null ? null : points.indexOf(measured[k]);
  return { rows, points, clients, knee, notes: notes(plan, points, knee) };
}

function notes(plan: SweepPlan, points: readonly SweepPoint[], knee: number | null): string[] {
  const out: string[] = [];
  const { label, unit } = plan.field;
  if (knee !== null) {
    const p = points[knee], first = points[0], last = points[points.length - 1];
    const falling = (first.worstP99 ?? 0) > (last.worstP99 ?? 0);
    out.push(falling
      ? `Knee at ${p.x} ${unit}: p99 falls steeply up to here (${fmtMs(first.worstP99 ?? 0)} → ${fmtMs(p.worstP99 ?? 0)} ms) and little after it (${fmtMs(last.worstP99 ?? 0)} ms at ${last.x}).`
      : `Knee at ${p.x} ${unit}: p99 stays near ${fmtMs(p.worstP99 ?? 0)} ms up to here and climbs after it (${fmtMs(last.worstP99 ?? 0)} ms at ${last.x}).`);
  } else if (points.length >= 3) out.push(`No knee: p99 changes about evenly over ${label}.`);
  const costs = points.filter((p): p is SweepPoint & { costPerHour: number } => p.costPerHour !== null);
  if (costs.length >= 2) {
    const a = costs[0], b = costs[costs.length - 1];
    const slope = (b.costPerHour - a.costPerHour) / (b.x - a.x);
    if (unit === 'instances' && Math.abs(slope) > 1e-9) out.push(`Each extra instance costs ${fmtDollars(slope)}/h (${fmtDollars(a.costPerHour)}/h at ${a.x}, ${fmtDollars(b.costPerHour)}/h at ${b.x}).`);
    else out.push(`Cost: ${fmtDollars(a.costPerHour)}/h at ${a.x} ${unit}, ${fmtDollars(b.costPerHour)}/h at ${b.x}.`);
  }
  return out;
}
