/**
 * Latency histogram with logarithmic buckets, HdrHistogram style: each power of two is cut
 * into 128 equal sub-buckets, so a reported percentile is within 0.4 % of the true sample
 * value (the bucket midpoint, clamped to the exact min and max). Memory is fixed whatever
 * the number of samples.
 *
 * The bucket index comes from the float's own exponent and top mantissa bits, read through
 * a shared typed-array view (little-endian, as on every platform we run on): no log() call
 * per sample.
 */
const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
/** 2^-10 ms (about 1 µs); anything smaller falls in bucket 0. */
const EXP_MIN = 1023 - 10;
/** 2^32 ms (about 50 days); anything larger falls in the last bucket. */
const EXP_MAX = 1023 + 32;
export const BUCKETS = (EXP_MAX - EXP_MIN) * SUB + 2;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

export function bucketOf(v: number): number {
  f64[0] = v;
  const hi = u32[1];
  const e = (hi >>> 20) & 0x7ff;
  if (e < EXP_MIN) return 0;
  if (e >= EXP_MAX) return BUCKETS - 1;
  return (e - EXP_MIN) * SUB + ((hi >>> (20 - SUB_BITS)) & (SUB - 1)) + 1;
}

/** The midpoint of a bucket, in the sample's unit. */
export function bucketMid(i: number): number {
  if (i <= 0) return 0;
  if (i >= BUCKETS - 1) return 2 ** (EXP_MAX - 1023);
  const k = i - 1;
  const e = Math.floor(k / SUB) + EXP_MIN - 1023;
  const m = k % SUB;
  return 2 ** e * (1 + (m + 0.5) / SUB);
}

/**
 * Nearest-rank percentile of raw bucket counts in buckets [from, to] (a merge of several
 * histograms' used ranges); 0 when they are empty.
 */
export function percentileOfCounts(counts: Float64Array, from: number, to: number, p: number): number {
  let total = 0;
  for (let i = from; i <= to; i++) total += counts[i];
  if (total === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (let i = from; i <= to; i++) {
    seen += counts[i];
    if (seen >= rank) return bucketMid(i);
  }
  return 0;
}

const SUMMARY_PS = [0.5, 0.95, 0.99] as const;

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export class Histogram {
  readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;
  private lo = BUCKETS;
  private hi = -1;

  record(v: number): void {
    const i = bucketOf(v);
    this.counts[i]++;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (i < this.lo) this.lo = i;
    if (i > this.hi) this.hi = i;
  }

  /** Nearest-rank percentile, p in [0, 1]; 0 when empty. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(p * this.count));
    let seen = 0;
    for (let i = this.lo; i <= this.hi; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, bucketMid(i)));
    }
    return this.max;
  }

  /**
   * Several percentiles in one pass over the buckets; `ps` ascending. Writes into `out`
   * (0s when empty) so that the per-second tick allocates nothing.
   */
  percentilesInto(ps: readonly number[], out: number[]): void {
    if (this.count === 0) {
      for (let k = 0; k < ps.length; k++) out[k] = 0;
      return;
    }
    // One walk up the buckets: each percentile resumes where the previous one stopped.
    const counts = this.counts;
    const hi = this.hi;
    let i = this.lo - 1;
    let seen = 0;
    for (let k = 0; k < ps.length; k++) {
      const rank = Math.max(1, Math.ceil(ps[k] * this.count));
      while (seen < rank && i < hi) seen += counts[++i];
      out[k] = seen >= rank ? Math.min(this.max, Math.max(this.min, bucketMid(i))) : this.max;
    }
  }

  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  summary(): LatencySummary {
    const ps = [0, 0, 0];
    this.percentilesInto(SUMMARY_PS, ps);
    return { mean: this.mean(), p50: ps[0], p95: ps[1], p99: ps[2], max: this.max };
  }

  /** The lowest and highest buckets in use (lowest > highest when empty). */
  get usedFrom(): number {
    return this.lo;
  }

  get usedTo(): number {
    return this.hi;
  }

  /** Adds its counts into `into` (same bucket layout), touching only the buckets in use. */
  addTo(into: Float64Array): void {
    for (let i = this.lo; i <= this.hi; i++) into[i] += this.counts[i];
  }

  /** Empties it, touching only the buckets in use (cheap when called every simulated second). */
  reset(): void {
    if (this.hi >= this.lo) this.counts.fill(0, this.lo, this.hi + 1);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = 0;
    this.lo = BUCKETS;
    this.hi = -1;
  }
}
