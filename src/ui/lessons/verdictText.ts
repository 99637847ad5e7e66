/**
 * How a goal's figures read: the actual value beside the limit, in the unit the report path
 * implies (ms for latencies and times, % for rates of errors, plain numbers otherwise).
 */
import type { Check, Figure, Goal } from '../../lessons/types';
import { fmtMs, fmtPct } from '../common/format';

export const OP_WORD: Record<string, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=', '!=': '≠' };

/** The report path a check compares (its first, for all/any/not), if it has one. */
export function checkPath(c: Check): string | undefined {
  if ('metric' in c) return c.metric;
  if ('series' in c) return c.series;
  if ('all' in c) return c.all.length > 0 ? checkPath(c.all[0]) : undefined;
  if ('any' in c) return c.any.length > 0 ? checkPath(c.any[0]) : undefined;
  if ('not' in c) return checkPath(c.not);
  return undefined;
}

type Unit = 'ms' | 'ratio' | 'plain';

export function unitOf(path: string | undefined): Unit {
  if (!path) return 'plain';
  const last = path.split('.').slice(-2).join('.');
  if (/(^|\.)errorRate$|Ratio$/.test(path)) return 'ratio';
  if (/Ms$/.test(path) || /latencyMs\.[a-z0-9]+$/.test(last)) return 'ms';
  return 'plain';
}

function plain(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  return String(Number(n.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3)));
}

export function fmtFigure(v: Figure | undefined, unit: Unit): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return String(v);
  if (unit === 'ms') return fmtMs(v);
  if (unit === 'ratio') return fmtPct(v);
  return plain(v);
}

/** "actual 1.45 s", "limit ≤ 300 ms" for a goal's verdict; null parts when the goal has no figure. */
export function figures(goal: Goal, v: { actual: Figure; limit: Figure; op: string } | undefined): { actual: string; limit: string } | null {
  if (!v || (v.actual === null && v.limit === null)) return null;
  const unit = unitOf(checkPath(goal.check));
  const op = OP_WORD[v.op] ?? v.op;
  return { actual: fmtFigure(v.actual, unit), limit: `${op} ${fmtFigure(v.limit, unit)}` };
}

export const STATUS_WORD = {
  live: { pass: 'passing so far', fail: 'failing', pending: 'waiting for its window' },
  final: { pass: 'passed', fail: 'failed', pending: 'not judged' },
} as const;

export const STATUS_ICON = { pass: '✔', fail: '✖', pending: '…' } as const;
