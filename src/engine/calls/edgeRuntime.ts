import type { Xoshiro128 } from '../core/rng';
import type { Sampler } from '../core/sampler';
import { Histogram } from '../metrics/histogram';
import { IntRing } from '../runtime/ring';
import type { BreakerTransitionListener, CircuitBreaker } from './circuitBreaker';
import type { RetryBudget } from './retryBudget';

/**
 * An edge at run time: the call's settings (timeout, retry, breaker, bulkhead, fallback),
 * the faults on it, and what happened on it.
 */
export class EdgeRt {
  // Retry: maxAttempts 1 means none.
  retryMax = 1;
  backoffMs = 0;
  multiplier = 1;
  maxBackoffMs = 0;
  jitterCode = 0;
  /** Bit per failure cause code that is retried. */
  retryOnMask = 0;
  budget: RetryBudget | null = null;
  breaker: CircuitBreaker | null = null;
  /** Hears the breaker's transitions (kept so a live edit can make a new breaker). */
  breakerListener: BreakerTransitionListener = () => {};
  /** Semaphore bulkhead: 0 = none. */
  bulkMax = 0;
  bulkWaitMs = 0;
  bulkInFlight = 0;
  readonly bulkQueue = new IntRing();
  /** Generation of each waiter's slot, so a slot reused by a later waiter cannot jump the line. */
  readonly bulkQueueGen = new IntRing();
  /** Fallback answer latency, -1 = no fallback. */
  fallbackMs = -1;
  /** Faults on the link. */
  partitions = 0;
  faultLatency: Sampler[] = [];
  /**
   * Own random streams (runtime/streams.ts): network latency both ways; whether a call with
   * probability < 1 is made; the faults' added latency; the retries' jitter.
   */
  rngLatency!: Xoshiro128;
  rngProbability!: Xoshiro128;
  rngFaults!: Xoshiro128;
  rngRetry!: Xoshiro128;

  calls = 0;
  attempts = 0;
  errors = 0;
  failedAttempts = 0;
  timeouts = 0;
  rejected = 0;
  retries = 0;
  retriesDropped = 0;
  shortCircuited = 0;
  fallbacks = 0;
  wastedMs = 0;
  readonly latency = new Histogram();
  /** Never reset: the live view's rates are differences of these (metrics/liveWindow.ts). */
  liveCalls = 0;
  liveErrors = 0;
  /** The calls answered this simulated second, once a live view asks for p99s (metrics/liveWindow.ts). */
  secLatency: Histogram | null = null;
  /** p99 of the calls answered in the last whole simulated second (when the live view asks). */
  liveP99Ms = 0;
  secAttempts = 0;
  secErrors = 0;
  seriesBase = 0;
  /** Worst breaker state since the last tick, as severity (0 closed, 1 half-open, 2 open). */
  secBreakerMax = 0;
  /** Breaker state changes, oldest first (bounded). */
  readonly transitions: { atMs: number; from: string; to: string }[] = [];
  /** Last simulated time a "retry budget exhausted" event was logged, to keep the log short. */
  lastBudgetLogMs = -Infinity;

  /**
   * True while the call has no timeout, retry, breaker, bulkhead, fallback or fault: attempts
   * then take the short path. Call {@link refreshPlain} after changing any of those.
   */
  plain = true;

  refreshPlain(): void {
    this.plain = this.timeoutMs === 0 && this.retryMax <= 1 && this.budget === null && this.breaker === null
      && this.bulkMax === 0 && this.fallbackMs < 0 && this.partitions === 0 && this.faultLatency.length === 0;
  }

  constructor(
    readonly index: number,
    readonly key: string,
    readonly from: number,
    readonly to: number,
    readonly latencySampler: Sampler,
    public probability: number,
    public timeoutMs: number,
  ) {}

  resetStats(): void {
    this.calls = this.attempts = this.errors = this.failedAttempts = this.timeouts = this.rejected = 0;
    this.retries = this.retriesDropped = this.shortCircuited = this.fallbacks = this.wastedMs = 0;
    this.latency.reset();
  }
}
