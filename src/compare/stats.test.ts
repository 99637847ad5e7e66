import { describe, expect, it } from 'vitest';
import { estimate, isNoise, pairedDifference, t95 } from './stats';

describe('estimate', () => {
  it('gives the mean and the Student t 95 % interval of the mean', () => {
    const e = estimate([1, 2, 3, 4, 5])!;
    expect(e.mean).toBe(3);
    // sd = sqrt(2.5), t(4) = 2.776: half width 2.776 * 1.5811 / sqrt(5) = 1.963
    expect(e.hi! - e.mean).toBeCloseTo(1.963, 3);
    expect(e.mean - e.lo!).toBeCloseTo(1.963, 3);
    expect(e.n).toBe(5);
  });

  it('has no interval with one seed, and skips runs with nothing measured', () => {
    expect(estimate([7, null])).toEqual({ mean: 7, lo: null, hi: null, n: 1 });
    expect(estimate([null])).toBeNull();
  });

  it('uses t quantiles that fall toward 1.96 as the seeds grow', () => {
    expect(t95(1)).toBeCloseTo(12.706, 3);
    expect(t95(30)).toBeCloseTo(2.042, 3);
    expect(t95(60)).toBeCloseTo(2.0, 2);
    expect(t95(1e9)).toBeCloseTo(1.96, 3);
  });
});

describe('pairedDifference', () => {
  it('cancels the noise both variants share: a steady 10 ms gain is clear though each side varies a lot', () => {
    const a = [100, 300, 150, 500, 220];
    const b = a.map((x, i) => x - 10 + (i % 2 ? 0.5 : -0.5));
    const d = pairedDifference(a, b)!;
    expect(d.mean).toBeCloseTo(-10.1, 9);
    expect(d.hi!).toBeLessThan(0);
    expect(isNoise(d)).toBe(false);
    // Unpaired, the two means' intervals overlap widely.
    expect(estimate(a)!.lo!).toBeLessThan(estimate(b)!.mean);
  });

  it('calls a difference noise when its interval holds 0, and cannot tell with one seed', () => {
    expect(isNoise(pairedDifference([1, 2, 3], [2, 1, 3.5]))).toBe(true);
    expect(isNoise(pairedDifference([1], [2]))).toBeNull();
    expect(isNoise(pairedDifference([1, 1], [1, 1]))).toBe(true);
  });
});
