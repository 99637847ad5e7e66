/**
 * Retry budget kernel in the style of Finagle's RetryBudget and Envoy's retry_budget
 * (design/semantics.md §2b, §2d): retries may be at most `percent` of the original requests
 * seen in the last `ttlMs`, plus a floor of `minRetriesPerSecond × ttl` so that low-traffic
 * callers can still retry.
 *
 * Both counts are kept over a sliding window of simulated time made of fixed buckets (ring
 * buffers of counts), so deposits and withdrawals expire about `ttlMs` after they were made
 * and every call is O(1) without allocation.
 */

/** Budget settings (the schema fills defaults: 20 %, 10 per second, 10 s as in Finagle). */
export interface RetryBudgetConfig {
  /** Percent (0..100) of the original requests that may be retried. */
  percent: number;
  /** Retries always allowed per second of ttl, whatever the traffic. */
  minRetriesPerSecond: number;
  /** How long a request or a retry counts, in ms (Finagle's ttl; 10000 by default). */
  ttlMs?: number;
}

/** Default ttl of a deposit, ms (Finagle's 10 s). */
export const DEFAULT_RETRY_BUDGET_TTL_MS = 10_000;

// Relative tolerance so that e.g. 20 % of 15 requests (3.0000000000000004) allows exactly 3.
const EPS = 1e-9;

/**
 * A retry budget shared by the calls it governs (one per edge or per caller).
 *
 * @example
 * budget.deposit(now);                 // on every first attempt
 * if (shouldRetry && budget.tryWithdraw(now)) scheduleRetry(); else giveUp();
 */
export class RetryBudget {
  private readonly requests: Float64Array;
  private readonly retries: Float64Array;
  private readonly bucketMs: number;
  private readonly fraction: number;
  private readonly floor: number;
  private head = 0;
  private requestTotal = 0;
  private retryTotal = 0;
  /** Withdrawals refused so far (Envoy's upstream_rq_retry_overflow). */
  denied = 0;

  /**
   * @param buckets how finely the window slides; the window spans the current bucket and
   * the `buckets − 1` before it, i.e. between (1 − 1/buckets)·ttl and ttl.
   */
  constructor(cfg: RetryBudgetConfig, buckets = 10) {
    const ttlMs = cfg.ttlMs ?? DEFAULT_RETRY_BUDGET_TTL_MS;
    if (!(ttlMs > 0)) throw new RangeError('ttlMs must be > 0');
    if (!(Number.isInteger(buckets) && buckets >= 1)) throw new RangeError('buckets must be an integer >= 1');
    this.requests = new Float64Array(buckets);
    this.retries = new Float64Array(buckets);
    this.bucketMs = ttlMs / buckets;
    this.fraction = cfg.percent / 100;
    this.floor = (cfg.minRetriesPerSecond * ttlMs) / 1000;
  }

  /** Original requests counted in the window (as of the last call). */
  get requestsInWindow(): number { return this.requestTotal; }
  /** Retries counted in the window (as of the last call). */
  get retriesInWindow(): number { return this.retryTotal; }

  /** Records one original request (a first attempt) at `nowMs`. */
  deposit(nowMs: number): void {
    const i = this.advance(nowMs);
    this.requests[i]++;
    this.requestTotal++;
  }

  /**
   * Asks for one retry at `nowMs`: allowed iff
   * `retries + 1 <= percent/100 × requests + minRetriesPerSecond × ttlSeconds`
   * over the window; an allowed retry is counted, a refused one adds to {@link denied}.
   */
  tryWithdraw(nowMs: number): boolean {
    const i = this.advance(nowMs);
    const allowance = this.fraction * this.requestTotal + this.floor;
    if (this.retryTotal + 1 > allowance * (1 + EPS) + EPS) {
      this.denied++;
      return false;
    }
    this.retries[i]++;
    this.retryTotal++;
    return true;
  }

  /** Retries that could still be withdrawn at `nowMs` (may be fractional, never negative). */
  available(nowMs: number): number {
    this.advance(nowMs);
    return Math.max(0, this.fraction * this.requestTotal + this.floor - this.retryTotal);
  }

  /** Moves the window to `nowMs`, expiring whole buckets; returns the current bucket's slot. */
  private advance(nowMs: number): number {
    const n = this.requests.length;
    const b = Math.floor(nowMs / this.bucketMs);
    // At most n buckets to clear, however long the gap since the last call.
    const steps = Math.min(b - this.head, n);
    for (let k = 1; k <= steps; k++) {
      const j = (this.head + k) % n;
      this.requestTotal -= this.requests[j];
      this.retryTotal -= this.retries[j];
      this.requests[j] = 0;
      this.retries[j] = 0;
    }
    if (b > this.head) this.head = b;
    return this.head % n;
  }
}
