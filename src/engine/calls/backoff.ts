/**
 * Retry backoff kernel: the formulas of AWS's "Exponential Backoff and Jitter" (Brooker,
 * 2015), design/semantics.md §2a, with the exponent in Resilience4j/gRPC form
 * (`backoffMs × multiplier^(n−1)` for retry n) so that the multiplier is configurable.
 *
 * Each jittered strategy draws exactly one `rng.next()` per delay and 'none' draws nothing,
 * so the run's random stream, and hence the whole run, stays reproducible.
 */
import type { Rng } from '../core/rng';

/** Jitter strategies, in the order of {@link JitterCode}. */
export const JITTERS = ['none', 'full', 'equal', 'decorrelated'] as const;
/** How the wait before a retry is randomised. */
export type Jitter = (typeof JITTERS)[number];

/** Jitter strategies as small integers, for engines that keep per-edge settings in typed arrays. */
export const JitterCode = { none: 0, full: 1, equal: 2, decorrelated: 3 } as const;
/** One of the {@link JitterCode} values. */
export type JitterCodeValue = (typeof JitterCode)[Jitter];

/** Backoff settings of one retry policy (ms; the schema fills defaults). */
export interface BackoffConfig {
  /** Wait before the first retry, and the floor of decorrelated jitter. */
  backoffMs: number;
  /** Growth factor per retry (>= 1). Decorrelated jitter ignores it. */
  multiplier: number;
  /** Cap on every wait. */
  maxBackoffMs: number;
  jitter: Jitter;
}

/**
 * The un-jittered wait before retry `retryNumber` (1-based):
 * `min(maxBackoffMs, backoffMs × multiplier^(retryNumber−1))`.
 */
export function exponentialBackoffMs(retryNumber: number, backoffMs: number, multiplier: number, maxBackoffMs: number): number {
  const n = retryNumber < 1 ? 0 : retryNumber - 1;
  return Math.min(maxBackoffMs, backoffMs * Math.pow(multiplier, n));
}

/**
 * The wait before retry `retryNumber` (1-based: 1 is the first retry), by numeric jitter code.
 * `prevSleepMs` is the wait this function returned for the previous retry of the same call
 * (only decorrelated jitter reads it; for the first retry it uses `backoffMs`, as AWS does).
 */
export function backoffDelayMsByCode(
  retryNumber: number,
  prevSleepMs: number,
  backoffMs: number,
  multiplier: number,
  maxBackoffMs: number,
  jitterCode: number,
  rng: Rng,
): number {
  if (jitterCode === JitterCode.decorrelated) {
    const prev = retryNumber <= 1 ? backoffMs : prevSleepMs;
    const hi = prev * 3;
    return Math.min(maxBackoffMs, backoffMs + (hi - backoffMs) * rng.next());
  }
  const base = exponentialBackoffMs(retryNumber, backoffMs, multiplier, maxBackoffMs);
  switch (jitterCode) {
    case JitterCode.none:
      return base;
    case JitterCode.full:
      return base * rng.next();
    case JitterCode.equal:
      return base / 2 + (base / 2) * rng.next();
    default:
      throw new RangeError(`unknown jitter code ${jitterCode}`);
  }
}

/**
 * The wait before retry `retryNumber` (1-based). The caller keeps the returned value as
 * `prevSleepMs` for the next retry of the same call.
 *
 * @example
 * let sleep = cfg.backoffMs;
 * for (let n = 1; n < maxAttempts; n++) { sleep = backoffDelayMs(n, sleep, cfg, rng); ... }
 */
export function backoffDelayMs(retryNumber: number, prevSleepMs: number, cfg: BackoffConfig, rng: Rng): number {
  return backoffDelayMsByCode(retryNumber, prevSleepMs, cfg.backoffMs, cfg.multiplier, cfg.maxBackoffMs, JitterCode[cfg.jitter], rng);
}
