/**
 * Circuit breaker kernel: Resilience4j's CircuitBreaker state machine (count- or time-based
 * failure/slow-call rate) plus Fowler's consecutive-failure breaker. Data in, decisions out:
 * the engine asks {@link CircuitBreaker.tryAcquire} before an attempt and reports its outcome
 * with {@link CircuitBreaker.onResult}; nothing here schedules events or reads a clock.
 *
 * Its windows (breakerWindows.ts) are typed arrays sized once in the constructor, so the per-call methods allocate
 * nothing. See design/semantics.md §1 for the reference behaviour.
 */

import { BREAKER_CLOSED, BREAKER_HALF_OPEN, BREAKER_OPEN, BREAKER_STATE_NAMES, type BreakerStateName } from './breakerCodes';
import { FAILED, OutcomeRing, SecondBuckets, SLOW } from './breakerWindows';

/** Breaker states as small integers so the engine can keep them in typed arrays. */
export const BreakerState = { CLOSED: BREAKER_CLOSED, OPEN: BREAKER_OPEN, HALF_OPEN: BREAKER_HALF_OPEN } as const;
/** One of the {@link BreakerState} codes. */
export type BreakerStateCode = (typeof BreakerState)[keyof typeof BreakerState];
/** Printable name of a breaker state, as Resilience4j spells it. */
export type { BreakerStateName };

/** The name of a {@link BreakerState} code (for reports and the UI). */
export function breakerStateName(code: number): BreakerStateName {
  const name = BREAKER_STATE_NAMES[code];
  if (name === undefined) throw new RangeError(`unknown breaker state code ${code}`);
  return name;
}

/** Window types: Resilience4j's two, plus Fowler's consecutive-failure counter. */
export const SLIDING_WINDOW_TYPES = ['COUNT_BASED', 'TIME_BASED', 'CONSECUTIVE'] as const;
/** One of {@link SLIDING_WINDOW_TYPES}. */
export type SlidingWindowType = (typeof SLIDING_WINDOW_TYPES)[number];

/** A normalized breaker configuration (every field present; the schema fills defaults). */
export interface CircuitBreakerConfig {
  slidingWindowType: SlidingWindowType;
  /** Calls (COUNT_BASED) or one-second buckets (TIME_BASED). */
  slidingWindowSize: number;
  minimumNumberOfCalls: number;
  /** Percent; opens when the failure rate is >= this. */
  failureRateThreshold: number;
  /** Percent; opens when the slow-call rate is >= this. */
  slowCallRateThreshold: number;
  /** A call is slow when its duration is strictly greater than this. */
  slowCallDurationThresholdMs: number;
  waitDurationInOpenStateMs: number;
  permittedNumberOfCallsInHalfOpenState: number;
  /** 0 means HALF_OPEN waits for its trial results forever. */
  maxWaitDurationInHalfOpenStateMs: number;
  automaticTransitionFromOpenToHalfOpenEnabled: boolean;
  /** Consecutive failures that open a CONSECUTIVE breaker. */
  failureThreshold: number;
}

/** Called on every state change with the simulated time it took effect. */
export type BreakerTransitionListener = (atMs: number, from: number, to: number) => void;

const CLOSED = BREAKER_CLOSED, OPEN = BREAKER_OPEN, HALF_OPEN = BREAKER_HALF_OPEN;
const COUNT_BASED = 0, TIME_BASED = 1, CONSECUTIVE = 2;
/**
 * One breaker (one per edge, or per edge and caller instance). All times are simulated ms.
 *
 * @example
 * const cb = new CircuitBreaker(cfg, (at, from, to) => log.push({ at, from, to }));
 * if (!cb.tryAcquire(now)) failFast('short-circuited');
 * else { ...; cb.onResult(doneAt, doneAt - startedAt, failed); }
 */
export class CircuitBreaker {
  private _state: number = CLOSED;
  private _stateSinceMs = 0;
  private _epoch = 0;
  private permitsLeft = 0;
  private consecutiveFailures = 0;
  /** Rejected calls (open, or half-open with no permit left); cumulative, like a counter. */
  notPermitted = 0;
  /** Results that arrived while OPEN (calls started before it opened); not recorded. */
  ignoredWhileOpen = 0;

  private readonly mode: number;
  private readonly closedWindow: OutcomeRing | SecondBuckets;
  private readonly halfOpenWindow: OutcomeRing;
  private readonly minCallsClosed: number;
  private readonly minCallsHalfOpen: number;
  private readonly halfOpenPermits: number;
  private readonly failureRateThreshold: number;
  private readonly slowCallRateThreshold: number;
  private readonly slowMs: number;
  private readonly waitMs: number;
  private readonly maxHalfOpenMs: number;
  private readonly automatic: boolean;
  private readonly failureThreshold: number;

  constructor(cfg: CircuitBreakerConfig, private readonly onTransition?: BreakerTransitionListener) {
    const size = cfg.slidingWindowSize, p = cfg.permittedNumberOfCallsInHalfOpenState;
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError('slidingWindowSize must be an integer >= 1');
    if (!(Number.isInteger(p) && p >= 1)) throw new RangeError('permittedNumberOfCallsInHalfOpenState must be an integer >= 1');
    this.mode = cfg.slidingWindowType === 'TIME_BASED' ? TIME_BASED : cfg.slidingWindowType === 'CONSECUTIVE' ? CONSECUTIVE : COUNT_BASED;
    this.closedWindow = this.mode === TIME_BASED ? new SecondBuckets(size) : new OutcomeRing(this.mode === COUNT_BASED ? size : 1);
    this.minCallsClosed = Math.max(1, this.mode === COUNT_BASED ? Math.min(cfg.minimumNumberOfCalls, size) : cfg.minimumNumberOfCalls);
    // Fowler's breaker lets exactly one trial through, whatever P says.
    this.halfOpenPermits = this.mode === CONSECUTIVE ? 1 : p;
    this.halfOpenWindow = new OutcomeRing(this.halfOpenPermits);
    this.minCallsHalfOpen = Math.max(1, Math.min(cfg.minimumNumberOfCalls, p));
    this.failureRateThreshold = cfg.failureRateThreshold;
    this.slowCallRateThreshold = cfg.slowCallRateThreshold;
    this.slowMs = cfg.slowCallDurationThresholdMs;
    this.waitMs = cfg.waitDurationInOpenStateMs;
    this.maxHalfOpenMs = cfg.maxWaitDurationInHalfOpenStateMs;
    this.automatic = cfg.automaticTransitionFromOpenToHalfOpenEnabled;
    this.failureThreshold = Math.max(1, cfg.failureThreshold);
  }

  /** Current {@link BreakerState} code (as of the last call into the breaker). */
  get state(): number { return this._state; }
  /** Simulated time the current state was entered. */
  get stateSinceMs(): number { return this._stateSinceMs; }
  /**
   * Bumped on every transition. Resilience4j records a late result in whatever state the
   * breaker is in when it lands; an engine that prefers to drop results of calls acquired
   * in an earlier state can remember the epoch at acquire time and compare.
   */
  get epoch(): number { return this._epoch; }

  /** Outcomes in the current state's window, as of the last result (CONSECUTIVE: the failure streak). */
  get bufferedCalls(): number {
    if (this._state === HALF_OPEN) return this.halfOpenWindow.total;
    return this.mode === CONSECUTIVE ? this.consecutiveFailures : this.closedWindow.total;
  }

  /** Failure rate in percent of the current window, or -1 below the minimum number of calls (Resilience4j). */
  get failureRate(): number { return this.rate(false); }
  /** Slow-call rate in percent of the current window, or -1 below the minimum number of calls. */
  get slowCallRate(): number { return this.rate(true); }

  /**
   * Asks permission for one call at `nowMs`. Applies due time-driven transitions first,
   * including the lazy OPEN→HALF_OPEN one. A refusal is counted in {@link notPermitted}.
   */
  tryAcquire(nowMs: number): boolean {
    this.advance(nowMs, true);
    if (this._state === CLOSED) return true;
    if (this._state === HALF_OPEN && this.permitsLeft > 0) {
      this.permitsLeft--;
      return true;
    }
    this.notPermitted++;
    return false;
  }

  /**
   * Records the outcome of a permitted call that finished at `nowMs` after `durationMs`
   * (slow when `durationMs > slowCallDurationThresholdMs`) and evaluates the thresholds.
   */
  onResult(nowMs: number, durationMs: number, failed: boolean): void {
    this.advance(nowMs, false);
    const s = this._state;
    if (s === OPEN) {
      this.ignoredWhileOpen++;
      return;
    }
    if (this.mode === CONSECUTIVE) {
      if (s === HALF_OPEN) this.transition(nowMs, failed ? OPEN : CLOSED);
      else if (!failed) this.consecutiveFailures = 0;
      else if (++this.consecutiveFailures >= this.failureThreshold) this.transition(nowMs, OPEN);
      return;
    }
    const outcome = (failed ? FAILED : 0) | (durationMs > this.slowMs ? SLOW : 0);
    if (s === CLOSED) {
      this.closedWindow.record(nowMs, outcome);
      if (this.verdict(this.closedWindow, this.minCallsClosed) === 1) this.transition(nowMs, OPEN);
    } else {
      this.halfOpenWindow.record(nowMs, outcome);
      const v = this.verdict(this.halfOpenWindow, this.minCallsHalfOpen);
      if (v === 1) this.transition(nowMs, OPEN);
      else if (v === 0) this.transition(nowMs, CLOSED);
    }
  }

  /**
   * A permitted call ended with an outcome that counts neither way (Resilience4j's ignored
   * exceptions): a half-open permit is handed back.
   */
  onIgnored(nowMs: number): void {
    this.advance(nowMs, false);
    if (this._state === HALF_OPEN && this.permitsLeft < this.halfOpenPermits) this.permitsLeft++;
  }

  /**
   * Applies the timer-driven transitions due by `nowMs`: OPEN→HALF_OPEN when automatic
   * transition is enabled, HALF_OPEN→OPEN after maxWaitDurationInHalfOpenState.
   */
  poll(nowMs: number): void { this.advance(nowMs, false); }

  /**
   * When the next timer-driven transition is due, or Infinity when none is pending. The
   * engine schedules a {@link poll} then; a lazy OPEN→HALF_OPEN needs no timer.
   */
  nextAutomaticTransitionMs(): number {
    if (this._state === OPEN && this.automatic) return this._stateSinceMs + this.waitMs;
    if (this._state === HALF_OPEN && this.maxHalfOpenMs > 0) return this._stateSinceMs + this.maxHalfOpenMs;
    return Infinity;
  }

  /**
   * Time-driven transitions due by nowMs. A timer-driven one takes effect at its due time
   * (where Resilience4j's scheduler would have fired it), so a late poll gives the same
   * history as a punctual one; a lazy one takes effect at the call that triggers it.
   */
  private advance(nowMs: number, lazy: boolean): void {
    for (;;) {
      const s = this._state;
      if (s === OPEN && (lazy || this.automatic) && nowMs >= this._stateSinceMs + this.waitMs) {
        this.transition(this.automatic ? this._stateSinceMs + this.waitMs : nowMs, HALF_OPEN);
      } else if (s === HALF_OPEN && this.maxHalfOpenMs > 0 && nowMs >= this._stateSinceMs + this.maxHalfOpenMs) {
        this.transition(this._stateSinceMs + this.maxHalfOpenMs, OPEN);
      } else {
        return;
      }
    }
  }

  /** 1 = a threshold is reached, 0 = both below, -1 = too few calls to tell. */
  private verdict(w: OutcomeRing | SecondBuckets, minCalls: number): number {
    const total = w.total;
    if (total < minCalls) return -1;
    const failureRate = (w.failed * 100) / total;
    const slowRate = (w.slow * 100) / total;
    return failureRate >= this.failureRateThreshold || slowRate >= this.slowCallRateThreshold ? 1 : 0;
  }

  private rate(slow: boolean): number {
    if (this.mode === CONSECUTIVE) return -1;
    const half = this._state === HALF_OPEN;
    const w = half ? this.halfOpenWindow : this.closedWindow;
    if (w.total === 0 || w.total < (half ? this.minCallsHalfOpen : this.minCallsClosed)) return -1;
    return ((slow ? w.slow : w.failed) * 100) / w.total;
  }

  private transition(atMs: number, to: number): void {
    const from = this._state;
    this._state = to;
    this._stateSinceMs = atMs;
    this._epoch++;
    if (to === HALF_OPEN) {
      this.permitsLeft = this.halfOpenPermits;
      this.halfOpenWindow.reset();
    } else if (to === CLOSED) {
      this.closedWindow.reset();
      this.consecutiveFailures = 0;
    }
    // Resilience4j keeps the closed window's numbers visible while OPEN; it is reset on close.
    if (this.onTransition !== undefined) this.onTransition(atMs, from, to);
  }
}
