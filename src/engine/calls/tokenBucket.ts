/**
 * Token bucket rate limiter kernel (design/semantics.md §8; Envoy's local rate limit with
 * continuous refill): the bucket starts full with `burst` tokens and refills at
 * `tokensPerSecond` up to `burst`; each admitted request takes one token. Admissions over
 * T seconds are at most `tokensPerSecond × T + burst`, with equality under sustained
 * overload unless refill overflows a full bucket between arrivals (small burst, sparse
 * arrivals).
 *
 * Refill is computed lazily from the time since the last call, so no timer is needed.
 */

/** Rate limit settings. */
export interface TokenBucketConfig {
  /** Refill rate, tokens per simulated second (> 0). */
  tokensPerSecond: number;
  /** Bucket capacity: the largest burst admitted at once (>= 1). */
  burst: number;
}

// Tolerance for the float sum of many small refills (e.g. 0.1 + 0.2 + ... short of 1).
const EPS = 1e-9;

/**
 * One bucket (one per rate-limited node, or per node and client when `per` is 'client').
 *
 * @example
 * if (!bucket.tryTake(now)) reject(429);
 */
export class TokenBucket {
  private tokens: number;
  private lastMs = 0;
  private readonly perMs: number;
  private readonly burst: number;
  /** Requests admitted so far. */
  admitted = 0;
  /** Requests refused so far. */
  rejected = 0;

  constructor(cfg: TokenBucketConfig) {
    if (!(cfg.tokensPerSecond > 0)) throw new RangeError('tokensPerSecond must be > 0');
    if (!(cfg.burst >= 1)) throw new RangeError('burst must be >= 1');
    this.perMs = cfg.tokensPerSecond / 1000;
    this.burst = cfg.burst;
    this.tokens = cfg.burst;
  }

  /** Takes one token at `nowMs` if there is one; counts the outcome. */
  tryTake(nowMs: number): boolean {
    this.refill(nowMs);
    if (this.tokens + EPS >= 1) {
      this.tokens = Math.max(0, this.tokens - 1);
      this.admitted++;
      return true;
    }
    this.rejected++;
    return false;
  }

  /** Tokens available at `nowMs` (fractional). */
  available(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens;
  }

  /** When a token will next be available, given no other takes (nowMs if one is there now). */
  nextTokenAtMs(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens + EPS >= 1 ? nowMs : nowMs + (1 - this.tokens) / this.perMs;
  }

  private refill(nowMs: number): void {
    // Time never runs backwards in a run, but a bucket created mid-run may see an older time.
    if (nowMs <= this.lastMs) return;
    this.tokens = Math.min(this.burst, this.tokens + (nowMs - this.lastMs) * this.perMs);
    this.lastMs = nowMs;
  }
}
