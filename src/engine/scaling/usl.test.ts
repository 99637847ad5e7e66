import { describe, expect, it } from 'vitest';
import { uslCapacity, uslPeakN } from './usl';

// The worked example of semantics.md §11: α = 0.05, β = 0.0005.
const A = 0.05;
const B = 0.0005;

describe('uslCapacity', () => {
  it('is 1 for one worker whatever the coefficients', () => {
    expect(uslCapacity(1, A, B)).toBe(1);
    expect(uslCapacity(1, 0.9, 0.1)).toBe(1);
  });

  it('is linear with no contention and no coherency', () => {
    expect(uslCapacity(16, 0, 0)).toBe(16);
  });

  it('matches the reference example within ±0.05', () => {
    expect(Math.abs(uslCapacity(8, A, B) - 5.8)).toBeLessThan(0.05); // 8 / 1.378 = 5.806
    expect(Math.abs(uslCapacity(32, A, B) - 10.5)).toBeLessThan(0.05); // 32 / 3.046 = 10.506
    expect(Math.abs(uslCapacity(44, A, B) - 10.7)).toBeLessThan(0.05); // 44 / 4.096 = 10.742
  });

  it('reduces to Amdahl when beta = 0: bounded by 1/alpha, never declining', () => {
    for (const n of [2, 10, 100, 1e4]) {
      const amdahl = n / (1 + A * (n - 1));
      expect(uslCapacity(n, A, 0)).toBeCloseTo(amdahl, 12);
      expect(uslCapacity(n, A, 0)).toBeLessThan(1 / A);
      expect(uslCapacity(n + 1, A, 0)).toBeGreaterThan(uslCapacity(n, A, 0));
    }
    expect(uslCapacity(1e9, A, 0)).toBeCloseTo(1 / A, 6);
  });

  it('is retrograde after the peak', () => {
    const peak = uslPeakN(A, B);
    const best = Math.round(peak);
    expect(uslCapacity(best, A, B)).toBeGreaterThan(uslCapacity(best - 10, A, B));
    expect(uslCapacity(best + 10, A, B)).toBeLessThan(uslCapacity(best, A, B));
    expect(uslCapacity(200, A, B)).toBeLessThan(uslCapacity(100, A, B));
    // Far past the peak it falls below the capacity at 8.
    expect(uslCapacity(400, A, B)).toBeLessThan(uslCapacity(8, A, B));
  });
});

describe('uslPeakN', () => {
  it('is about 44 for the reference example', () => {
    expect(uslPeakN(A, B)).toBeCloseTo(Math.sqrt(1900), 10); // 43.59
    expect(Math.abs(uslPeakN(A, B) - 44)).toBeLessThan(0.5);
  });

  it('is Infinity with no coherency (Amdahl)', () => {
    expect(uslPeakN(A, 0)).toBe(Infinity);
  });

  it('is where the continuous capacity is highest', () => {
    const peak = uslPeakN(A, B);
    const c = uslCapacity(peak, A, B);
    expect(c).toBeGreaterThan(uslCapacity(peak - 0.5, A, B));
    expect(c).toBeGreaterThan(uslCapacity(peak + 0.5, A, B));
  });
});
