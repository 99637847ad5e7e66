import type { Rng } from '../../core/rng';

/**
 * Key popularity as a Zipf law: key k (0 = the most popular) is asked for with probability
 * proportional to 1 / (k + 1)^s. s = 0 is uniform; web and cache traces show s near 1
 * (Breslau et al. 1999). The cumulative table costs 8 bytes a key and makes a draw one
 * uniform number and a binary search, with no allocation.
 */
export class ZipfKeys {
  /** cdf[k] = P(key <= k); the last entry is 1. */
  readonly cdf: Float64Array;

  constructor(readonly keys: number, readonly s: number) {
    const cdf = new Float64Array(keys);
    let sum = 0;
    for (let k = 0; k < keys; k++) {
      sum += Math.pow(k + 1, -s);
      cdf[k] = sum;
    }
    for (let k = 0; k < keys; k++) cdf[k] /= sum;
    cdf[keys - 1] = 1;
    this.cdf = cdf;
  }

  /** Probability of key k. */
  p(k: number): number {
    return k === 0 ? this.cdf[0] : this.cdf[k] - this.cdf[k - 1];
  }

  /** One key id, drawn by popularity. */
  draw(rng: Rng): number {
    const u = rng.next();
    const cdf = this.cdf;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
