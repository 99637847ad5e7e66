/**
 * The windows a circuit breaker judges its calls over: the last N outcomes, or the outcomes of
 * the last N simulated seconds. Typed arrays sized once, so recording allocates nothing.
 */

/** Outcome bits of one call. */
export const FAILED = 1, SLOW = 2;

/** Last `capacity` outcomes in a ring; each outcome is a FAILED|SLOW bit set. */
export class OutcomeRing {
  private readonly buf: Uint8Array;
  private head = 0;
  total = 0;
  failed = 0;
  slow = 0;

  constructor(capacity: number) { this.buf = new Uint8Array(capacity); }

  record(_nowMs: number, outcome: number): void {
    const cap = this.buf.length;
    if (this.total === cap) {
      const old = this.buf[this.head];
      if (old & FAILED) this.failed--;
      if (old & SLOW) this.slow--;
    } else {
      this.total++;
    }
    this.buf[this.head] = outcome;
    this.head = this.head + 1 === cap ? 0 : this.head + 1;
    if (outcome & FAILED) this.failed++;
    if (outcome & SLOW) this.slow++;
  }

  reset(): void { this.head = this.total = this.failed = this.slow = 0; }
}

/**
 * Resilience4j's SlidingTimeWindowMetrics: `n` buckets of one simulated second, indexed by
 * epoch second mod n; the window is the current second and the n-1 before it.
 */
export class SecondBuckets {
  private readonly totals: Int32Array;
  private readonly fails: Int32Array;
  private readonly slows: Int32Array;
  private headSec = 0;
  total = 0;
  failed = 0;
  slow = 0;

  constructor(n: number) {
    this.totals = new Int32Array(n); this.fails = new Int32Array(n); this.slows = new Int32Array(n);
  }

  record(nowMs: number, outcome: number): void {
    const n = this.totals.length;
    const sec = Math.floor(nowMs / 1000);
    // Clear the buckets of every second we skipped; at most n of them, however long the gap.
    const steps = Math.min(sec - this.headSec, n);
    for (let i = 1; i <= steps; i++) {
      const j = (this.headSec + i) % n;
      this.total -= this.totals[j];
      this.failed -= this.fails[j];
      this.slow -= this.slows[j];
      this.totals[j] = this.fails[j] = this.slows[j] = 0;
    }
    if (sec > this.headSec) this.headSec = sec;
    const j = this.headSec % n;
    this.totals[j]++;
    this.total++;
    if (outcome & FAILED) { this.fails[j]++; this.failed++; }
    if (outcome & SLOW) { this.slows[j]++; this.slow++; }
  }

  reset(): void {
    this.totals.fill(0); this.fails.fill(0); this.slows.fill(0);
    this.total = this.failed = this.slow = 0;
  }
}
