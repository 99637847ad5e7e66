/** Number formats shared by badges, labels and charts: short, with units. */
import type { BreakerState } from '../../worker/protocol';

export function fmtRate(perS: number | undefined): string {
  if (perS === undefined || !Number.isFinite(perS)) return '–';
  if (perS >= 10_000) return `${(perS / 1000).toFixed(0)}k`;
  if (perS >= 1000) return `${(perS / 1000).toFixed(1)}k`;
  if (perS >= 100) return perS.toFixed(0);
  if (perS >= 10) return perS.toFixed(1);
  return perS.toFixed(perS === 0 ? 0 : 2);
}

export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms >= 10_000) return `${(ms / 1000).toFixed(0)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/**
 * A latency over a live window (a snapshot's p99): "–" when no call was answered in it, which
 * the engine reports as 0.
 */
export function fmtWindowMs(ms: number | undefined): string {
  return ms !== undefined && ms > 0 ? fmtMs(ms) : '–';
}

export function fmtPct(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '–';
  const p = ratio * 100;
  if (p === 0) return '0%';
  if (p < 0.1) return '<0.1%';
  if (p < 10) return `${p.toFixed(1)}%`;
  return `${p.toFixed(0)}%`;
}

/** The simulated clock: m:ss.t, with hours when needed. */
export function fmtClock(ms: number): string {
  const totalS = Math.max(0, ms) / 1000;
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const ss = s.toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Kiali's convention for request error rates: under 1 % is fine, 5 % and over is failing. */
export function errorLevel(errorRate: number): 'ok' | 'warn' | 'bad' {
  if (errorRate < 0.01) return 'ok';
  if (errorRate < 0.05) return 'warn';
  return 'bad';
}

export type Health = 'ok' | 'warn' | 'bad' | 'idle';
export function errorHealth(errorRate: number | undefined, rate: number | undefined): Health {
  if (!rate || rate <= 0) return 'idle';
  return errorLevel(errorRate ?? 0);
}

export const HEALTH_WORD: Record<Health, string> = { ok: 'healthy', warn: 'degraded', bad: 'failing', idle: 'idle' };

export const BREAKER_WORD: Record<BreakerState, string> = { CLOSED: 'closed', OPEN: 'open', HALF_OPEN: 'half-open' };
