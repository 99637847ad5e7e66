import type { Op } from './schema';

/** Whether `actual op limit` holds. */
export function holds(actual: number, op: Op, limit: number): boolean {
  switch (op) {
    case '<': return actual < limit;
    case '<=': return actual <= limit;
    case '>': return actual > limit;
    case '>=': return actual >= limit;
    case '==': return actual === limit;
    case '!=': return actual !== limit;
  }
}

/** A figure as a person reads it: whole numbers as they are, others to four significant digits. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) || Math.abs(v) >= 1000) return String(Math.round(v));
  return String(Number(v.toPrecision(4)));
}

/** "10–40 s" or "9.5–20 s": a window of simulated time. */
export function fmtWindow(fromMs: number, toMs: number): string {
  return `${fmt(fromMs / 1000)}–${fmt(toMs / 1000)} s`;
}
