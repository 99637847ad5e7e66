import { describe, expect, it } from 'vitest';
import { type Distribution } from '../core/distributions';
import { compileDistribution, sample } from '../core/sampler';
import { createRng } from '../core/rng';
import { bucketMid, bucketOf, BUCKETS, Histogram } from './histogram';

const PERCENTILES = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999];

/** Exact nearest-rank percentile of sorted values, the definition Histogram.percentile approximates. */
const exact = (sorted: Float64Array, p: number) => sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];

function fill(values: Float64Array): Histogram {
  const h = new Histogram();
  for (const v of values) h.record(v);
  return h;
}

function draws(n: number, seed: number, next: (r: () => number) => number): Float64Array {
  const rng = createRng(seed);
  const r = () => rng.next();
  return Float64Array.from({ length: n }, () => next(r));
}

function fromDist(d: Distribution, n: number, seed: number): Float64Array {
  const s = compileDistribution(d);
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => sample(s, rng));
}

/** The histogram's documented floor: 2^-10 ms (about 1 µs); smaller values share bucket 0. */
const FLOOR_MS = 2 ** -10;

/**
 * Largest relative error of the histogram's percentiles against the exact ones, over the
 * percentiles whose exact value is at or above 1 µs (the range the histogram resolves).
 */
function worstError(values: Float64Array): number {
  const h = fill(values);
  const sorted = Float64Array.from(values).sort();
  let worst = 0, checked = 0;
  for (const p of PERCENTILES) {
    const want = exact(sorted, p);
    if (want < FLOOR_MS) continue;
    checked++;
    const got = h.percentile(p);
    worst = Math.max(worst, Math.abs(got - want) / want);
  }
  expect(checked).toBeGreaterThanOrEqual(PERCENTILES.length - 3);
  return worst;
}

describe('Histogram percentiles (within 1 % of the exact sorted-sample percentiles)', () => {
  it('log-uniform samples from 1 µs to 1e6 ms (twelve decades)', () => {
    const lo = Math.log(FLOOR_MS), hi = Math.log(1e6);
    const v = draws(200_000, 3, (r) => Math.exp(lo + (hi - lo) * r()));
    expect(worstError(v)).toBeLessThan(0.01);
  });

  it('lognormal samples: median 5 ms with p99 at 5 s, and median 200 ms with p99 at 1e5 ms', () => {
    expect(worstError(fromDist({ dist: 'lognormal', median: 5, p99: 5000 }, 200_000, 4))).toBeLessThan(0.01);
    expect(worstError(fromDist({ dist: 'lognormal', median: 200, p99: 100_000 }, 200_000, 5))).toBeLessThan(0.01);
  });

  it('exponential samples: mean 0.05 ms, 40 ms and 1e5 ms', () => {
    for (const [mean, seed] of [[0.05, 6], [40, 7], [1e5, 8]]) {
      expect(worstError(fromDist({ dist: 'exponential', mean }, 200_000, seed))).toBeLessThan(0.01);
    }
  });

  it('the documented 0.4 % bound holds for every value from 1 µs to 1e6 ms', () => {
    // The bucket midpoint is within half a sub-bucket (1/256 of the power of two) of any value in it.
    let worst = 0;
    for (let v = 0.001; v <= 1e6; v *= 1.0007) {
      const mid = bucketMid(bucketOf(v));
      worst = Math.max(worst, Math.abs(mid - v) / v);
    }
    expect(worst).toBeLessThan(0.004);
  });
});

describe('Histogram statistics', () => {
  it('has an exact mean, count and max (not bucketed)', () => {
    const v = fromDist({ dist: 'lognormal', median: 30, p99: 900 }, 50_000, 9);
    const h = fill(v);
    let sum = 0, max = 0, min = Infinity;
    for (const x of v) {
      sum += x;
      max = Math.max(max, x);
      min = Math.min(min, x);
    }
    expect(h.count).toBe(v.length);
    expect(h.mean()).toBe(sum / v.length);
    expect(h.max).toBe(max);
    expect(h.min).toBe(min);
    const s = h.summary();
    expect(s.max).toBe(max);
    expect(s.mean).toBe(sum / v.length);
    // Percentiles never leave the observed range, and are ordered.
    expect(s.p50).toBeLessThanOrEqual(s.p95);
    expect(s.p95).toBeLessThanOrEqual(s.p99);
    expect(s.p99).toBeLessThanOrEqual(s.max);
    expect(h.percentile(0)).toBeGreaterThanOrEqual(min);
    expect(h.percentile(1)).toBeLessThanOrEqual(max);
    // The one-pass summary gives what three percentile() calls give.
    expect([s.p50, s.p95, s.p99]).toEqual([h.percentile(0.5), h.percentile(0.95), h.percentile(0.99)]);
  });

  it('reports a single value exactly, whatever its size (clamped to min and max)', () => {
    for (const v of [0, 0.0001, 0.3, 7, 123.456, 1e6, 1e12]) {
      const h = new Histogram();
      h.record(v);
      h.record(v);
      expect(h.summary()).toEqual({ mean: v, p50: v, p95: v, p99: v, max: v });
    }
  });

  it('is all zeros when empty', () => {
    const h = new Histogram();
    expect(h.summary()).toEqual({ mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    expect(h.count).toBe(0);
  });

  it('reset forgets everything: afterwards only new samples count', () => {
    const h = new Histogram();
    for (let i = 1; i <= 1000; i++) h.record(i * 1000);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.summary()).toEqual({ mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    expect(Array.from(h.counts).every((c) => c === 0)).toBe(true);
    for (let i = 1; i <= 100; i++) h.record(i);
    expect(h.count).toBe(100);
    expect(h.max).toBe(100);
    expect(h.mean()).toBe(50.5);
    // Exact nearest-rank values are 50 and 99; the old (huge) samples must not show up.
    expect(Math.abs(h.percentile(0.5) - 50) / 50).toBeLessThan(0.01);
    expect(Math.abs(h.percentile(0.99) - 99) / 99).toBeLessThan(0.01);
  });

  it('puts every value in a valid bucket, including 0, tiny, huge and infinite ones', () => {
    for (const v of [0, 1e-300, 1e-6, 1, 2 ** 31, 2 ** 40, 1e300, Infinity]) {
      const b = bucketOf(v);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(BUCKETS);
    }
    // Buckets are monotonic in the value.
    let prev = -1;
    for (let v = 1e-4; v < 1e10; v *= 1.01) {
      const b = bucketOf(v);
      expect(b).toBeGreaterThanOrEqual(prev);
      prev = b;
    }
  });
});

describe('percentilesInto', () => {
  it('gives the same values as one percentile() call per p, in one pass', () => {
    const h = new Histogram();
    const rng = createRng(5);
    for (let i = 0; i < 50_000; i++) h.record(-30 * Math.log(1 - rng.next()));
    const ps = [0.5, 0.95, 0.99, 0.999];
    const out = [0, 0, 0, 0];
    h.percentilesInto(ps, out);
    expect(out).toEqual(ps.map((p) => h.percentile(p)));
    h.reset();
    h.percentilesInto(ps, out);
    expect(out).toEqual([0, 0, 0, 0]);
  });
});
