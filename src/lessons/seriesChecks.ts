import type { Report } from '../engine/metrics/report';
import type { ScenarioInput } from '../engine/model';
import { fmt, fmtWindow, holds } from './compare';
import { errorOutcome, type Outcome } from './outcome';
import { describeMissing, lookupReport } from './paths';
import type { Agg, Check, Op } from './schema';
import { resolveWindow } from './windows';

export interface LiveContext {
  report: Report;
  scenario: ScenarioInput;
  /** Simulated time the report reaches. */
  nowMs: number;
  /** False while a run is live: a window that has not ended yet is pending. */
  final: boolean;
  runEndMs: number;
}

type SeriesCheck = Extract<Check, { series: string }>;
type EventsCheck = Extract<Check, { events: unknown }>;

/** The per-second series a path names: "series." may be left out. */
export function seriesValues(report: Report, path: string): { ok: true; values: number[]; path: string } | { ok: false; error: string } {
  const full = path.startsWith('series.') ? path : `series.${path}`;
  const r = lookupReport(report, full);
  if (!r.ok) return { ok: false, error: describeMissing(full, r) };
  if (!Array.isArray(r.value) || r.value.length !== report.series.tMs.length || r.value.some((x) => typeof x !== 'number')) {
    return { ok: false, error: `"${full}" is not a per-second series${r.value && typeof r.value === 'object' && !Array.isArray(r.value) ? ` (it has ${Object.keys(r.value).join(', ')})` : ''}` };
  }
  return { ok: true, values: r.value as number[], path: full };
}

function aggregate(agg: Agg, xs: readonly number[]): number {
  switch (agg) {
    case 'max': return Math.max(...xs);
    case 'min': return Math.min(...xs);
    case 'mean': return xs.reduce((a, b) => a + b, 0) / xs.length;
    case 'sum': return xs.reduce((a, b) => a + b, 0);
    case 'last': return xs[xs.length - 1];
    case 'p95': {
      const sorted = [...xs].sort((a, b) => a - b);
      return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)];
    }
  }
}

/**
 * The first moment the condition broke: for a sum, when the running sum first broke it; for
 * the others, the first point that on its own breaks it (for max and min exactly when the
 * aggregate did).
 */
function brokeAt(agg: Agg, times: readonly number[], xs: readonly number[], op: Op, limit: number): number | undefined {
  let run = 0;
  for (let k = 0; k < xs.length; k++) {
    run += xs[k];
    if (!holds(agg === 'sum' ? run : xs[k], op, limit)) return times[k];
  }
  return undefined;
}

/** An aggregate of a series over a window, compared with a limit. */
export function evaluateSeries(check: SeriesCheck, ctx: LiveContext, limit: number, limitText: string): Outcome {
  const s = seriesValues(ctx.report, check.series);
  if (!s.ok) return errorOutcome(s.error, check.op);
  const w = resolveWindow(check.window, ctx.report, ctx.scenario, ctx.runEndMs);
  if (!w.ok) return errorOutcome(w.error, check.op);
  const times: number[] = [], xs: number[] = [];
  ctx.report.series.tMs.forEach((t, k) => {
    if (t >= w.fromMs && t < w.toMs) {
      times.push(t);
      xs.push(s.values[k]);
    }
  });
  const ended = ctx.final || ctx.nowMs >= w.toMs;
  const what = `${check.agg} of ${s.path} over ${fmtWindow(w.fromMs, w.toMs)}${w.label}`;
  if (xs.length === 0) {
    if (!ended) return { status: 'pending', actual: null, limit, op: check.op, message: `${what}: waiting for the window` };
    return errorOutcome(`${what}: the window has no series points (the run has points from ${fmt((ctx.report.series.tMs[0] ?? 0) / 1000)} to ${fmt((ctx.report.series.tMs.at(-1) ?? 0) / 1000)} s)`, check.op);
  }
  const actual = aggregate(check.agg, xs);
  if (!ended) return { status: 'pending', actual, limit, op: check.op, message: `${what} so far = ${fmt(actual)}; needs ${check.op} ${limitText} when the window ends` };
  const ok = holds(actual, check.op, limit);
  const broke = ok ? undefined : brokeAt(check.agg, times, xs, check.op, limit);
  return {
    status: ok ? 'pass' : 'fail', actual, limit, op: check.op,
    ...(broke !== undefined ? { brokeAtMs: broke } : {}),
    message: `${what} = ${fmt(actual)}, ${ok ? 'meets' : 'needs'} ${check.op} ${limitText}${broke !== undefined ? `; broke at ${fmt(broke / 1000)} s` : ''}`,
  };
}

/** A count of the run's logged events (kind, node, edge, text), compared with a number. */
export function evaluateEvents(check: EventsCheck, ctx: LiveContext): Outcome {
  let fromMs = 0, toMs = ctx.runEndMs, label = '';
  if (check.window) {
    const w = resolveWindow(check.window, ctx.report, ctx.scenario, ctx.runEndMs);
    if (!w.ok) return errorOutcome(w.error, check.op);
    ({ fromMs, toMs } = w);
    label = ` in ${fmtWindow(fromMs, toMs)}${w.label}`;
  }
  const f = check.events;
  const n = ctx.report.events.filter((e) => e.kind === f.kind && (f.node === undefined || e.node === f.node) && (f.edge === undefined || e.edge === f.edge)
    && (f.match === undefined || e.message.includes(f.match)) && e.atMs >= fromMs && e.atMs < toMs).length;
  const what = `${n} ${f.kind} event${n === 1 ? '' : 's'}${f.node ? ` on ${f.node}` : ''}${f.edge ? ` on ${f.edge}` : ''}${f.match ? ` matching "${f.match}"` : ''}${label}`;
  const dropped = ctx.report.eventsDropped > 0 ? ` (the log was full: ${ctx.report.eventsDropped} events not kept)` : '';
  if (!ctx.final && ctx.nowMs < toMs) return { status: 'pending', actual: n, limit: check.value, op: check.op, message: `${what} so far; needs ${check.op} ${fmt(check.value)} when the window ends` };
  const ok = holds(n, check.op, check.value);
  return { status: ok ? 'pass' : 'fail', actual: n, limit: check.value, op: check.op, message: `${what}, ${ok ? 'meets' : 'needs'} ${check.op} ${fmt(check.value)}${dropped}` };
}
