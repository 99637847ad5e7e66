/**
 * zod schemas of an edge's resilience fields: retry (with an optional retry budget), circuit
 * breaker, bulkhead, fallback and rate limit. Names and defaults follow the reference
 * implementations (design/semantics.md §1-3, §8), with durations renamed to `…Ms`.
 *
 * The `.describe()` texts are shown in the UI's inspector, so each is one short sentence with
 * the unit. Objects are strict so that a misspelt field is reported rather than dropped, and
 * nothing here is a transform, so the schemas still convert to JSON Schema.
 */
import { z } from 'zod';
import { msUpToADay } from '../core/units';
import { JITTERS, type Jitter } from './backoff';
import { SLIDING_WINDOW_TYPES } from './circuitBreaker';

const ms = (field: string) => msUpToADay(field, ' ms');

const int = (field: string, min: number, max?: number) => {
  const s = z.number({ error: `${field} must be a number` }).int(`${field} must be a whole number`).min(min, `${field} must be >= ${min}`);
  return max === undefined ? s.max(1_000_000, `${field} must be at most 1000000`) : s.max(max, `${field} must be at most ${max}`);
};

const percent = (field: string, zeroAllowed: boolean) => {
  const s = z.number({ error: `${field} must be a percentage` });
  return (zeroAllowed ? s.min(0, `${field} must be >= 0 %`) : s.gt(0, `${field} must be > 0 %`))
    .max(100, `${field} is a percentage: at most 100`);
};

/** What may trigger a retry: a failed attempt, a timed-out one, one refused by a limiter or bulkhead, or one refused by an open breaker. */
export const RETRY_ON = ['error', 'timeout', 'rejected', 'short-circuited'] as const;
/** One of {@link RETRY_ON}. */
export type RetryOn = (typeof RETRY_ON)[number];

/** Finagle-style retry budget; defaults are Finagle's (20 %, 10 per second, 10 s). */
export const retryBudgetSchema = z.strictObject({
  percent: percent('percent', true).default(20)
    .describe('Retries allowed as a percentage of the requests of the last ttl, in %.'),
  minRetriesPerSecond: z.number({ error: 'minRetriesPerSecond must be a number' })
    .min(0, 'minRetriesPerSecond must be >= 0').max(1_000_000, 'minRetriesPerSecond must be at most 1000000').default(10)
    .describe('Retries always allowed whatever the traffic, per second.'),
  ttlMs: ms('ttlMs').gt(0, 'ttlMs must be > 0 ms').default(10_000)
    .describe('How long a request counts toward the budget, in ms.'),
}).describe('Caps retries to a share of recent traffic so that retries cannot multiply an outage.');

/** Whose defaults a retry follows when it leaves the wait's growth and jitter out. */
export const RETRY_DEFAULTS = ['aws', 'resilience4j'] as const;

/**
 * Retry policy of an edge (Resilience4j names; AWS backoff and jitter). By default it follows
 * AWS's "Exponential Backoff and Jitter" (the wait doubles, full jitter); `follows:
 * "resilience4j"` takes Resilience4j's defaults instead: a fixed wait, no jitter (its
 * exponential backoff is opt-in, with multiplier 1.5).
 */
export const retrySchema = z.strictObject({
  follows: z.enum(RETRY_DEFAULTS, { error: `follows must be one of ${RETRY_DEFAULTS.join(', ')}` }).default('aws')
    .describe('Whose defaults fill multiplier and jitter: aws (x2, full jitter) or resilience4j (fixed wait, no jitter).'),
  maxAttempts: int('maxAttempts', 1, 10).default(3)
    .describe('Attempts in all, counting the first try (1 = no retry).'),
  backoffMs: ms('backoffMs').default(500)
    .describe('Wait before the first retry, in ms.'),
  multiplier: z.number({ error: 'multiplier must be a number' })
    .min(1, 'multiplier must be >= 1').max(100, 'multiplier must be at most 100').optional()
    .describe('Factor by which the wait grows after each retry (1 = constant; default 2, or 1 following resilience4j).'),
  maxBackoffMs: ms('maxBackoffMs').default(20_000)
    .describe('Longest wait between attempts, in ms.'),
  jitter: z.enum(JITTERS, { error: `jitter must be one of ${JITTERS.join(', ')}` }).optional()
    .describe('How the wait is randomised: none, full, equal or decorrelated (AWS; default full, or none following resilience4j).'),
  retryOn: z.array(z.enum(RETRY_ON, { error: `retryOn entries must be one of ${RETRY_ON.join(', ')}` }))
    .refine((a) => new Set(a).size === a.length, 'retryOn lists each outcome at most once')
    .default((): RetryOn[] => ['error', 'timeout'])
    .describe('Outcomes of an attempt that are retried.'),
  budget: retryBudgetSchema.optional(),
}).describe('Retries failed calls with exponential backoff and jitter.');

/**
 * The wait's growth and jitter of a parsed retry, from its `follows` when it leaves them out
 * (the schema keeps them optional rather than transforming, so it converts to JSON Schema).
 */
export function retryShape(r: RetrySettings): { multiplier: number; jitter: Jitter } {
  const r4j = r.follows === 'resilience4j';
  return { multiplier: r.multiplier ?? (r4j ? 1 : 2), jitter: r.jitter ?? (r4j ? 'none' : 'full') };
}

/** Circuit breaker of an edge: Resilience4j's names and defaults, plus Fowler's consecutive mode. */
export const circuitBreakerSchema = z.strictObject({
  slidingWindowType: z.enum(SLIDING_WINDOW_TYPES, { error: `slidingWindowType must be one of ${SLIDING_WINDOW_TYPES.join(', ')}` })
    .default('COUNT_BASED')
    .describe('Last N calls (COUNT_BASED), last N seconds (TIME_BASED), or consecutive failures (CONSECUTIVE).'),
  slidingWindowSize: int('slidingWindowSize', 1, 100_000).default(100)
    .describe('Size of the window, in calls (COUNT_BASED) or seconds (TIME_BASED).'),
  minimumNumberOfCalls: int('minimumNumberOfCalls', 1).default(100)
    .describe('Calls needed in the window before the rates are judged.'),
  failureRateThreshold: percent('failureRateThreshold', false).default(50)
    .describe('Failure rate at or above which the breaker opens, in %.'),
  slowCallRateThreshold: percent('slowCallRateThreshold', false).default(100)
    .describe('Slow-call rate at or above which the breaker opens, in %.'),
  slowCallDurationThresholdMs: ms('slowCallDurationThresholdMs').default(60_000)
    .describe('Calls longer than this count as slow, in ms.'),
  waitDurationInOpenStateMs: ms('waitDurationInOpenStateMs').default(60_000)
    .describe('Time the breaker stays open before trial calls, in ms.'),
  permittedNumberOfCallsInHalfOpenState: int('permittedNumberOfCallsInHalfOpenState', 1, 100_000).default(10)
    .describe('Trial calls let through while half-open.'),
  maxWaitDurationInHalfOpenStateMs: ms('maxWaitDurationInHalfOpenStateMs').default(0)
    .describe('Longest wait for trial results before reopening, in ms (0 = forever).'),
  automaticTransitionFromOpenToHalfOpenEnabled: z.boolean({ error: 'automaticTransitionFromOpenToHalfOpenEnabled must be true or false' })
    .default(false)
    .describe('Go half-open when the wait ends, not at the next call.'),
  failureThreshold: int('failureThreshold', 1).default(5)
    .describe('Consecutive failures that open a CONSECUTIVE breaker.'),
}).describe('Stops calling a failing dependency for a while and fails fast instead.');

/** Semaphore bulkhead (Resilience4j names; maxWaitDuration → maxWaitMs). */
export const bulkheadSchema = z.strictObject({
  maxConcurrentCalls: int('maxConcurrentCalls', 1).default(25)
    .describe('Calls allowed in flight at once on this edge.'),
  maxWaitMs: ms('maxWaitMs').default(0)
    .describe('Longest wait for a free slot before rejecting, in ms (0 = reject at once).'),
}).describe('Limits concurrent calls so that one slow dependency cannot take every worker.');

/** Fallback answer returned instead of a failure. */
export const fallbackSchema = z.strictObject({
  latencyMs: ms('latencyMs').default(1)
    .describe('Time to produce the fallback answer, in ms.'),
}).describe('Answers with a degraded response when the call fails.');

/** Token-bucket rate limit; `burst` defaults to ceil(tokensPerSecond), i.e. one second's worth. */
export const rateLimitSchema = z.strictObject({
  tokensPerSecond: z.number({ error: 'tokensPerSecond must be a number' })
    .gt(0, 'tokensPerSecond must be > 0').max(1e9, 'tokensPerSecond must be at most 1000000000')
    .describe('Sustained rate admitted, in requests per second.'),
  burst: int('burst', 1, 1e9).optional()
    .describe('Requests admitted at once after a quiet spell (default: one second of tokens).'),
  per: z.enum(['global', 'client'], { error: 'per must be global or client' }).default('global')
    .describe('One bucket for all callers (global) or one per client.'),
})
  // overwrite, not transform: it keeps the schema convertible to JSON Schema.
  .overwrite((v) => (v.burst === undefined ? { ...v, burst: Math.max(1, Math.ceil(v.tokensPerSecond)) } : v))
  .describe('Admits at most tokensPerSecond requests per second, with bursts up to burst.');

/** A parsed retry budget. */
export type RetryBudgetSettings = z.output<typeof retryBudgetSchema>;
/** A parsed retry policy (every field filled in). */
export type RetrySettings = z.output<typeof retrySchema>;
/** A parsed circuit breaker configuration (every field filled in). */
export type CircuitBreakerSettings = z.output<typeof circuitBreakerSchema>;
/** A parsed bulkhead configuration. */
export type BulkheadSettings = z.output<typeof bulkheadSchema>;
/** A parsed fallback configuration. */
export type FallbackSettings = z.output<typeof fallbackSchema>;
/** A parsed rate limit; `burst` is always filled in by the schema. */
export type RateLimitSettings = Omit<z.output<typeof rateLimitSchema>, 'burst'> & { burst: number };
