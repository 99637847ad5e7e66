import type { Report } from '../engine/metrics/report';
import type { ScenarioInput } from '../engine/model';
import { fmt, holds } from './compare';
import { errorOutcome, type Outcome } from './outcome';
import { describeMissing, lookupReport } from './paths';
import type { Check } from './schema';
import { evaluateEvents, evaluateSeries, type LiveContext } from './seriesChecks';
import { evaluateTopology } from './topology';
import type { Lesson, Verdict } from './types';

export interface EvaluateOptions {
  /** The lesson's reference run (its start scenario on the same seed), for goals that compare with it. */
  reference?: Report;
  /** Simulated time reached; default: the report's. */
  nowMs?: number;
  /** False while a run is live: a series or events goal whose window has not ended is 'pending'. */
  final: boolean;
  /** The scenario that ran (given parts already put back): topology goals and fault windows read it. */
  scenario: ScenarioInput;
}

export interface CheckContext extends LiveContext {
  reference?: Report;
}

/** Judges every goal of a lesson on one run's report. */
export function evaluateGoals(lesson: Lesson, report: Report, opts: EvaluateOptions): Verdict[] {
  const ctx: CheckContext = { report, reference: opts.reference, scenario: opts.scenario, nowMs: opts.nowMs ?? report.simulatedMs, final: opts.final, runEndMs: report.durationMs };
  return lesson.goals.map((g) => {
    const o = evaluateCheck(g.check, ctx);
    return {
      goal: g.id, status: o.status, actual: o.actual, limit: o.limit, op: o.op, seed: report.seed,
      ...(o.brokeAtMs !== undefined ? { brokeAtMs: o.brokeAtMs } : {}),
      message: o.message,
      ...(o.error !== undefined ? { error: o.error } : {}),
    };
  });
}

/** Judges one check (and its children) on a run. */
export function evaluateCheck(check: Check, ctx: CheckContext): Outcome {
  if ('all' in check) return all(check.all.map((c) => evaluateCheck(c, ctx)));
  if ('any' in check) return any(check.any.map((c) => evaluateCheck(c, ctx)));
  if ('not' in check) return not(evaluateCheck(check.not, ctx));
  if ('topology' in check) return evaluateTopology(check, ctx.scenario);
  if ('events' in check) return evaluateEvents(check, ctx);
  const limit = resolveLimit(check.value, ctx);
  if (!limit.ok) return errorOutcome(limit.error, check.op);
  if ('series' in check) return evaluateSeries(check, ctx, limit.value, limit.text);
  const f = figure(ctx.report, check.metric, 'this run');
  if (!f.ok) return errorOutcome(f.error, check.op);
  const ok = holds(f.value, check.op, limit.value);
  return { status: ok ? 'pass' : 'fail', actual: f.value, limit: limit.value, op: check.op, message: `${check.metric} = ${fmt(f.value)}, ${ok ? 'meets' : 'needs'} ${check.op} ${limit.text}` };
}

/** A number of a report, named by a dot path. */
export function figure(report: Report, path: string, which: string): { ok: true; value: number } | { ok: false; error: string } {
  const r = lookupReport(report, path);
  if (!r.ok) return { ok: false, error: `${describeMissing(path, r)} in ${which}` };
  if (typeof r.value !== 'number') {
    const fields = r.value && typeof r.value === 'object' && !Array.isArray(r.value) ? ` (name one of its fields: ${Object.keys(r.value).join(', ')})` : '';
    return { ok: false, error: `"${path}" is ${Array.isArray(r.value) ? 'a list' : typeof r.value === 'object' ? 'a group of figures' : `a ${typeof r.value}`}, not a number${fields}` };
  }
  return { ok: true, value: r.value };
}

type Value = Extract<Check, { metric: string }>['value'];

function resolveLimit(v: Value, ctx: CheckContext): { ok: true; value: number; text: string } | { ok: false; error: string } {
  if (typeof v === 'number') return { ok: true, value: v, text: fmt(v) };
  const fromReference = 'reference' in v;
  const path = fromReference ? v.reference : v.metric;
  const source = fromReference ? ctx.reference : ctx.report;
  if (!source) return { ok: false, error: `the limit needs the reference run (the start scenario on the same seed), which was not given` };
  const f = figure(source, path, fromReference ? 'the reference run' : 'this run');
  if (!f.ok) return f;
  const value = f.value * v.times;
  return { ok: true, value, text: `${fmt(value)} (${v.times === 1 ? '' : `${fmt(v.times)} × `}${fromReference ? 'the start\'s ' : ''}${path})` };
}

function all(parts: Outcome[]): Outcome {
  const bad = parts.find((p) => p.error !== undefined) ?? parts.find((p) => p.status === 'fail');
  if (bad) return bad;
  const waiting = parts.find((p) => p.status === 'pending');
  if (waiting) return { ...waiting, message: parts.map((p) => p.message).join('; ') };
  return { ...parts[0], status: 'pass', message: parts.map((p) => p.message).join('; ') };
}

function any(parts: Outcome[]): Outcome {
  const good = parts.find((p) => p.status === 'pass');
  if (good) return good;
  const waiting = parts.find((p) => p.status === 'pending');
  if (waiting) return { ...waiting, message: parts.map((p) => p.message).join('; or ') };
  const first = parts.find((p) => p.error !== undefined) ?? parts[0];
  return { ...first, status: 'fail', message: `none holds: ${parts.map((p) => p.message).join('; ')}` };
}

/** An error stays an error: a path that does not exist never turns into a pass. */
function not(part: Outcome): Outcome {
  if (part.error !== undefined || part.status === 'pending') return part;
  return { ...part, status: part.status === 'pass' ? 'fail' : 'pass', op: `not ${part.op}`, message: `${part.status === 'pass' ? 'must not hold, but does' : 'does not hold, as required'}: ${part.message}` };
}

/** Every leaf check of a check, with its place ("check.all[1]") for messages. */
export function leafChecks(check: Check, at = 'check'): { check: Check; at: string }[] {
  if ('all' in check) return check.all.flatMap((c, k) => leafChecks(c, `${at}.all[${k}]`));
  if ('any' in check) return check.any.flatMap((c, k) => leafChecks(c, `${at}.any[${k}]`));
  if ('not' in check) return leafChecks(check.not, `${at}.not`);
  return [{ check, at }];
}
