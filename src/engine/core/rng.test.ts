import { describe, expect, it } from 'vitest';
import { createRng, hashName, streamFor, Xoshiro128 } from './rng';

const draws = (seed: number, n: number) => {
  const r = createRng(seed);
  return Array.from({ length: n }, () => r.next());
};

/**
 * 99.9th percentile of the chi-square distribution with 99 degrees of freedom (100 bins).
 * A good generator exceeds it once in a thousand seeds; the seed is fixed, so the test is
 * deterministic, and a broken generator (bias, a stuck bit) lands far beyond it.
 */
const CHI2_99_DF_P999 = 148.23;

describe('Xoshiro128 (the run’s seeded RNG)', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draws(42, 1000)).toEqual(draws(42, 1000));
    const a = new Xoshiro128(7), b = createRng(7);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('gives different, unrelated sequences for different (even adjacent) seeds', () => {
    const seqs = [0, 1, 2, 3, 42, 2 ** 32 - 1].map((s) => draws(s, 64));
    for (let i = 0; i < seqs.length; i++) {
      for (let j = i + 1; j < seqs.length; j++) {
        // Not merely a shifted copy: hardly any value in common.
        const common = seqs[i].filter((v) => seqs[j].includes(v)).length;
        expect(common).toBeLessThanOrEqual(1);
      }
    }
  });

  it('works for seed 0 (the state is never all zero)', () => {
    const v = draws(0, 100);
    expect(new Set(v).size).toBe(100);
  });

  it('returns floats in [0, 1) with a mean of 0.5 and no lag-1 correlation', () => {
    const n = 1_000_000;
    const r = createRng(12345);
    let sum = 0, min = Infinity, max = -Infinity, prev = r.next(), cross = 0, sq = 0;
    sum += prev;
    sq += prev * prev;
    min = Math.min(min, prev);
    max = Math.max(max, prev);
    for (let i = 1; i < n; i++) {
      const v = r.next();
      sum += v;
      sq += v * v;
      cross += prev * v;
      if (v < min) min = v;
      if (v > max) max = v;
      prev = v;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    const mean = sum / n;
    // Standard error of the mean of U(0,1) over 1e6 draws: sqrt(1/12/1e6) = 0.00029; allow 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0015);
    // Variance 1/12 and lag-1 autocorrelation about 0 (standard error 1/sqrt(n) = 0.001).
    const variance = sq / n - mean * mean;
    expect(variance).toBeCloseTo(1 / 12, 3);
    const autocorr = (cross / (n - 1) - mean * mean) / variance;
    expect(Math.abs(autocorr)).toBeLessThan(0.005);
  });

  it('passes a chi-square uniformity test: 1e6 draws in 100 bins, statistic < 148.23 (p = 0.001, 99 df)', () => {
    const n = 1_000_000, bins = 100;
    for (const seed of [1, 99]) {
      const counts = new Float64Array(bins);
      const r = createRng(seed);
      for (let i = 0; i < n; i++) counts[Math.floor(r.next() * bins)]++;
      const expected = n / bins;
      let chi2 = 0;
      for (const c of counts) chi2 += ((c - expected) ** 2) / expected;
      expect(chi2).toBeLessThan(CHI2_99_DF_P999);
      // And not suspiciously perfect either (the 0.1th percentile of chi2(99) is 61.9).
      expect(chi2).toBeGreaterThan(61.9);
    }
  });

  it('uses every bit of a uint32: low and high bytes are both uniform', () => {
    const r = new Xoshiro128(5);
    const lo = new Float64Array(256), hi = new Float64Array(256);
    const n = 256_000;
    let negative = 0, beyond = 0;
    for (let i = 0; i < n; i++) {
      const u = r.nextUint32();
      if (u < 0) negative++;
      if (u > 0xffffffff || !Number.isInteger(u)) beyond++;
      lo[u & 0xff]++;
      hi[u >>> 24]++;
    }
    expect([negative, beyond]).toEqual([0, 0]);
    // chi2 with 255 df: 99.9th percentile is 330.5.
    const chi2 = (c: Float64Array) => c.reduce((s, x) => s + (x - n / 256) ** 2 / (n / 256), 0);
    expect(chi2(lo)).toBeLessThan(330.5);
    expect(chi2(hi)).toBeLessThan(330.5);
  });
});

describe('streamFor (a stream per element, from the seed and a name)', () => {
  const take = (seed: number, name: string, n: number) => {
    const r = streamFor(seed, name);
    return Array.from({ length: n }, () => r.next());
  };
  /** Pearson correlation of two equally long samples. */
  const correlation = (a: number[], b: number[]) => {
    const n = a.length;
    const ma = a.reduce((s, x) => s + x, 0) / n, mb = b.reduce((s, x) => s + x, 0) / n;
    let ab = 0, aa = 0, bb = 0;
    for (let i = 0; i < n; i++) {
      ab += (a[i] - ma) * (b[i] - mb);
      aa += (a[i] - ma) ** 2;
      bb += (b[i] - mb) ** 2;
    }
    return ab / Math.sqrt(aa * bb);
  };

  it('the same seed and name give the same stream, whenever and however often it is made', () => {
    expect(take(42, 'node:api:service', 1000)).toEqual(take(42, 'node:api:service', 1000));
  });

  it('distinct names, even ones a character apart, give unrelated streams', () => {
    const names = ['node:a:service', 'node:b:service', 'node:a:balancer', 'client:a:arrivals', 'client:a:paths', 'edge:a->b:latency', 'edge:b->a:latency'];
    const seqs = names.map((n) => take(1, n, 20_000));
    for (let i = 0; i < seqs.length; i++) {
      for (let j = i + 1; j < seqs.length; j++) {
        const common = seqs[i].slice(0, 64).filter((v) => seqs[j].slice(0, 64).includes(v)).length;
        expect(common).toBeLessThanOrEqual(1);
        // Standard error of a correlation over 20 000 pairs: 1/sqrt(20 000) = 0.007; allow 5 of them,
        // at lag 0 and lag 1 (one stream a step behind the other).
        expect(Math.abs(correlation(seqs[i], seqs[j]))).toBeLessThan(0.035);
        expect(Math.abs(correlation(seqs[i].slice(1), seqs[j].slice(0, -1)))).toBeLessThan(0.035);
      }
    }
  });

  it('the same name under another seed, and the seed\'s plain stream, are unrelated to it', () => {
    const a = take(1, 'node:api:service', 20_000), b = take(2, 'node:api:service', 20_000);
    expect(Math.abs(correlation(a, b))).toBeLessThan(0.035);
    expect(Math.abs(correlation(a, draws(1, 20_000)))).toBeLessThan(0.035);
    // Seed and name do not trade places: (seed s, key k) is not (seed k, key s).
    const k = hashName('node:api:service');
    expect(new Xoshiro128(7, k).nextUint32()).not.toBe(new Xoshiro128(k, 7).nextUint32());
  });

  it('each stream is uniform on its own: chi-square over 100 bins below the p = 0.001 bound', () => {
    for (const name of ['client:users:arrivals', 'node:db:service']) {
      const counts = new Float64Array(100);
      const r = streamFor(3, name);
      const n = 200_000;
      for (let i = 0; i < n; i++) counts[Math.floor(r.next() * 100)]++;
      let chi2 = 0;
      for (const c of counts) chi2 += ((c - n / 100) ** 2) / (n / 100);
      expect(chi2).toBeLessThan(CHI2_99_DF_P999);
    }
  });

  it('names hash stably (FNV-1a), so a seed gives the same run on every machine', () => {
    expect(hashName('')).toBe(0x811c9dc5);
    expect(hashName('a')).toBe(0xe40c292c);
    const r = streamFor(1, 'client:users:arrivals');
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([1825995979, 3270407945, 402019923]);
  });
});
