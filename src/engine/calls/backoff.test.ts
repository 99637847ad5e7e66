import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng';
import { JITTERS, JitterCode, backoffDelayMs, backoffDelayMsByCode, exponentialBackoffMs, type BackoffConfig, type Jitter } from './backoff';

const DRAWS = 100_000;
const cfg = (jitter: Jitter, over: Partial<BackoffConfig> = {}): BackoffConfig =>
  ({ backoffMs: 100, multiplier: 2, maxBackoffMs: 20_000, jitter, ...over });

/** Range and mean of `DRAWS` delays for retry n with a fixed prevSleep. */
function sample(c: BackoffConfig, n: number, prevSleepMs: number, seed = 42) {
  const rng = createRng(seed);
  let min = Infinity, max = -Infinity, sum = 0;
  for (let i = 0; i < DRAWS; i++) {
    const d = backoffDelayMs(n, prevSleepMs, c, rng);
    if (d < min) min = d;
    if (d > max) max = d;
    sum += d;
  }
  return { min, max, mean: sum / DRAWS };
}

describe('exponentialBackoffMs', () => {
  it('grows by the multiplier from backoffMs and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => exponentialBackoffMs(n, 100, 2, 20_000))).toEqual([100, 200, 400, 800]);
    expect(exponentialBackoffMs(10, 100, 2, 20_000)).toBe(20_000);
    expect(exponentialBackoffMs(3, 500, 1, 20_000)).toBe(500);
    expect(exponentialBackoffMs(3, 10, 1.5, 1_000)).toBe(22.5);
  });
});

describe('backoffDelayMs', () => {
  it("'none' gives the exact exponential values and draws nothing", () => {
    let draws = 0;
    const rng: Rng = { next: () => { draws++; return 0.5; } };
    const got = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffDelayMs(n, 0, cfg('none', { maxBackoffMs: 10_000 }), rng));
    expect(got).toEqual([100, 200, 400, 800, 1_600, 3_200, 6_400, 10_000, 10_000]);
    expect(draws).toBe(0);
  });

  it("'full' is uniform on [0, base): mean base/2", () => {
    const s = sample(cfg('full'), 3, 0); // base 400
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(s.max).toBeLessThan(400);
    expect(s.mean).toBeGreaterThan(200 * 0.99);
    expect(s.mean).toBeLessThan(200 * 1.01);
  });

  it("'equal' is uniform on [base/2, base): mean 3base/4", () => {
    const s = sample(cfg('equal'), 4, 0); // base 800
    expect(s.min).toBeGreaterThanOrEqual(400);
    expect(s.max).toBeLessThan(800);
    expect(s.mean).toBeGreaterThan(600 * 0.99);
    expect(s.mean).toBeLessThan(600 * 1.01);
  });

  it("'decorrelated' is uniform on [backoffMs, 3 prevSleep), capped", () => {
    const s = sample(cfg('decorrelated'), 3, 1_000);
    expect(s.min).toBeGreaterThanOrEqual(100);
    expect(s.max).toBeLessThan(3_000);
    expect(s.mean).toBeGreaterThan(1_550 * 0.99);
    expect(s.mean).toBeLessThan(1_550 * 1.01);
    // The first retry starts from prevSleep = backoffMs, whatever is passed.
    const first = sample(cfg('decorrelated'), 1, 123_456);
    expect(first.max).toBeLessThan(300);
    expect(first.mean).toBeGreaterThan(200 * 0.99);
    expect(first.mean).toBeLessThan(200 * 1.01);
  });

  it('decorrelated chains stay within [backoffMs, cap]', () => {
    const rng = createRng(7);
    const c = cfg('decorrelated', { maxBackoffMs: 2_000 });
    let sleep = c.backoffMs, sum = 0, hitCap = 0;
    for (let i = 0; i < DRAWS; i++) {
      const n = (i % 10) + 1;
      if (n === 1) sleep = c.backoffMs;
      sleep = backoffDelayMs(n, sleep, c, rng);
      expect(sleep).toBeGreaterThanOrEqual(100);
      expect(sleep).toBeLessThanOrEqual(2_000);
      if (sleep === 2_000) hitCap++;
      sum += sleep;
    }
    expect(hitCap).toBeGreaterThan(0);
    expect(sum / DRAWS).toBeGreaterThan(100);
    expect(sum / DRAWS).toBeLessThan(2_000);
  });

  it('respects the cap for every strategy', () => {
    for (const j of JITTERS) {
      const rng = createRng(3);
      for (let n = 1; n <= 30; n++) {
        const d = backoffDelayMs(n, 50_000, cfg(j, { maxBackoffMs: 1_500 }), rng);
        expect(d).toBeLessThanOrEqual(1_500);
        expect(d).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('is deterministic for a seed, and the coded form agrees', () => {
    const a = createRng(11), b = createRng(11);
    for (const j of JITTERS) {
      for (let n = 1; n <= 5; n++) {
        const c = cfg(j);
        expect(backoffDelayMs(n, 300, c, a)).toBe(backoffDelayMsByCode(n, 300, c.backoffMs, c.multiplier, c.maxBackoffMs, JitterCode[j], b));
      }
    }
    expect(() => backoffDelayMsByCode(1, 0, 1, 1, 1, 9, a)).toThrow(RangeError);
  });
});
