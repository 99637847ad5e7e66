import { describe, expect, it } from 'vitest';
import { problemsFromZod } from '../../scenario/problems';
import { describeDistribution, distributionMean, distributionSchema, type Distribution } from './distributions';
import { compileDistribution, sample } from './sampler';
import { createRng } from './rng';

const N = 200_000;

/** N draws, sorted, with their mean. */
function draw(d: Distribution, seed = 17, n = N) {
  const s = compileDistribution(distributionSchema.parse(d));
  const rng = createRng(seed);
  const v = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    v[i] = sample(s, rng);
    sum += v[i];
  }
  v.sort();
  return { mean: sum / n, min: v[0], max: v[n - 1], q: (p: number) => v[Math.max(0, Math.ceil(p * n) - 1)], values: v };
}

/** |got - want| / want */
const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

/** z for the 99th percentile of the standard normal. */
const Z99 = 2.3263478740408408;

describe('sampling matches the analytic distribution (200k draws, fixed seed)', () => {
  it('constant, as {dist:"constant"} or a bare number, is always the value', () => {
    for (const d of [25, { dist: 'constant', value: 25 }] as Distribution[]) {
      const r = draw(d, 1, 1000);
      expect(r.min).toBe(25);
      expect(r.max).toBe(25);
      expect(distributionMean(d)).toBe(25);
    }
    expect(draw(0, 1, 10).max).toBe(0);
  });

  it('exponential: mean, median = mean ln 2, p99 = mean ln 100 (1 %, 2 %, 3 %)', () => {
    const mean = 40;
    const r = draw({ dist: 'exponential', mean });
    // Standard error of the mean is mean/sqrt(N) = 0.22 %: 1 % is over 4 standard errors.
    expect(rel(r.mean, mean)).toBeLessThan(0.01);
    expect(rel(r.q(0.5), mean * Math.LN2)).toBeLessThan(0.02);
    expect(rel(r.q(0.99), mean * Math.log(100))).toBeLessThan(0.03);
    expect(r.min).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(r.max)).toBe(true);
    expect(distributionMean({ dist: 'exponential', mean })).toBe(mean);
  });

  it('uniform: inside [min, max), mean (min+max)/2, quartiles linear (0.5 %)', () => {
    const r = draw({ dist: 'uniform', min: 10, max: 30 });
    expect(r.min).toBeGreaterThanOrEqual(10);
    expect(r.max).toBeLessThan(30);
    expect(rel(r.mean, 20)).toBeLessThan(0.005);
    expect(rel(r.q(0.25), 15)).toBeLessThan(0.005);
    expect(rel(r.q(0.75), 25)).toBeLessThan(0.005);
    expect(distributionMean({ dist: 'uniform', min: 10, max: 30 })).toBe(20);
    // A degenerate range is a constant.
    expect(draw({ dist: 'uniform', min: 7, max: 7 }, 1, 100).max).toBe(7);
  });

  it('lognormal: the sampled median and p99 are the ones asked for (4 standard errors), mean = median e^(sigma^2/2)', () => {
    // The standard error of a sample p-quantile, relative, for a lognormal: sigma sqrt(p(1-p)/N) / phi(z_p).
    const phi = (z: number) => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    const quantileTol = (sigma: number, p: number, z: number) => Math.max(0.005, 4 * sigma * Math.sqrt(p * (1 - p) / N) / phi(z));
    for (const [median, p99] of [[50, 400], [2, 3], [10, 10_000]]) {
      const d: Distribution = { dist: 'lognormal', median, p99 };
      const r = draw(d);
      const sigma = Math.log(p99 / median) / Z99;
      // [50, 400]: 1.1 % and 3.0 %; [10, 10000]: 3.4 % and 10 %.
      expect(rel(r.q(0.5), median)).toBeLessThan(quantileTol(sigma, 0.5, 0));
      expect(rel(r.q(0.99), p99)).toBeLessThan(quantileTol(sigma, 0.99, Z99));
      const mean = median * Math.exp((sigma * sigma) / 2);
      expect(rel(distributionMean(d), mean)).toBeLessThan(1e-12);
      // The sample mean's relative standard error is sqrt((e^(sigma^2) - 1) / N): 0.25 % for
      // [50, 400], but 18 % for p99/median = 1000 (sigma ~ 3), where it is not checked.
      if (sigma < 1) expect(rel(r.mean, mean)).toBeLessThan(0.02);
      expect(r.min).toBeGreaterThan(0);
    }
  });

  it('lognormal with p99 = median is a constant', () => {
    const r = draw({ dist: 'lognormal', median: 12, p99: 12 }, 3, 1000);
    expect(r.min).toBe(12);
    expect(r.max).toBe(12);
  });

  it('normal far from 0: mean and sd as given (1 %), quantiles mean ± z sd (1 %)', () => {
    const r = draw({ dist: 'normal', mean: 100, sd: 15 });
    expect(rel(r.mean, 100)).toBeLessThan(0.01);
    let sq = 0;
    for (const v of r.values) sq += (v - r.mean) ** 2;
    expect(rel(Math.sqrt(sq / N), 15)).toBeLessThan(0.01);
    expect(rel(r.q(0.5), 100)).toBeLessThan(0.01);
    expect(rel(r.q(0.99), 100 + Z99 * 15)).toBeLessThan(0.01);
    expect(rel(r.q(0.01), 100 - Z99 * 15)).toBeLessThan(0.01);
    expect(distributionMean({ dist: 'normal', mean: 100, sd: 15 })).toBeCloseTo(100, 6);
  });

  it('normal is truncated at 0 (never negative), keeping the shape above 0', () => {
    // mean 10, sd 20: alpha = -0.5; the truncated mean is mu + sd phi(alpha) / (1 - Phi(alpha)).
    const r = draw({ dist: 'normal', mean: 10, sd: 20 });
    expect(r.min).toBeGreaterThanOrEqual(0);
    const phi = Math.exp(-0.125) / Math.sqrt(2 * Math.PI); // phi(-0.5)
    const tail = 0.6914624612740131; // 1 - Phi(-0.5)
    expect(rel(r.mean, 10 + (20 * phi) / tail)).toBeLessThan(0.01);
    // Median of what is left above 0: z = Phi^-1(Phi(-0.5) + (1 - Phi(-0.5)) / 2) = 0.39687.
    expect(rel(r.q(0.5), 10 + 20 * 0.39687)).toBeLessThan(0.02);
    // Mean 0 is the half-normal: mean sd sqrt(2/pi).
    const h = draw({ dist: 'normal', mean: 0, sd: 10 });
    expect(h.min).toBeGreaterThanOrEqual(0);
    expect(rel(h.mean, 10 * Math.sqrt(2 / Math.PI))).toBeLessThan(0.01);
  });

  it('pareto: never below scale, mean shape scale/(shape-1), quantile scale (1-p)^(-1/shape)', () => {
    const scale = 10, shape = 3;
    const r = draw({ dist: 'pareto', scale, shape });
    expect(r.min).toBeGreaterThanOrEqual(scale);
    expect(rel(r.mean, 15)).toBeLessThan(0.01);
    expect(rel(r.q(0.5), scale * 2 ** (1 / shape))).toBeLessThan(0.01);
    expect(rel(r.q(0.99), scale * 100 ** (1 / shape))).toBeLessThan(0.03);
    expect(distributionMean({ dist: 'pareto', scale, shape })).toBe(15);
    expect(distributionMean({ dist: 'pareto', scale, shape: 1 })).toBe(Infinity);
    expect(distributionMean({ dist: 'pareto', scale, shape: 0.5 })).toBe(Infinity);
  });

  it('empirical: only the listed values, each about equally often (0.5 percentage points)', () => {
    const values = [1, 2, 3, 10];
    const r = draw({ dist: 'empirical', values });
    const freq = values.map((x) => r.values.filter((v) => v === x).length / N);
    expect(freq.reduce((a, b) => a + b, 0)).toBe(1);
    for (const f of freq) expect(Math.abs(f - 0.25)).toBeLessThan(0.005);
    expect(rel(r.mean, 4)).toBeLessThan(0.01);
    expect(distributionMean({ dist: 'empirical', values })).toBe(4);
    // Repeated values weigh more.
    const w = draw({ dist: 'empirical', values: [5, 5, 5, 9] });
    expect(Math.abs(w.values.filter((v) => v === 5).length / N - 0.75)).toBeLessThan(0.005);
  });

  it('is deterministic: same seed, same draws', () => {
    const d: Distribution = { dist: 'lognormal', median: 20, p99: 200 };
    expect(Array.from(draw(d, 5, 1000).values)).toEqual(Array.from(draw(d, 5, 1000).values));
  });

  it('has a short label for each kind', () => {
    expect(describeDistribution(25)).toBe('25 ms');
    expect(describeDistribution({ dist: 'exponential', mean: 40 })).toContain('40');
    expect(describeDistribution({ dist: 'empirical', values: [1, 2, 3] })).toContain('3 values');
  });
});

describe('distributionSchema rejects bad distributions with a message naming the field', () => {
  const problems = (d: unknown) => {
    const r = distributionSchema.safeParse(d);
    expect(r.success).toBe(false);
    return r.success ? [] : problemsFromZod(r.error);
  };

  it('an unknown dist', () => {
    const p = problems({ dist: 'gamma', mean: 3 });
    expect(p).toHaveLength(1);
    expect(p[0].path).toBe('dist');
    expect(p[0].message).toMatch(/unknown distribution/);
    expect(p[0].message).toMatch(/exponential/);
  });

  it('a negative mean', () => {
    const p = problems({ dist: 'exponential', mean: -1 });
    expect(p).toEqual([{ path: 'mean', message: 'mean must be >= 0' }]);
  });

  it('max below min', () => {
    const p = problems({ dist: 'uniform', min: 10, max: 5 });
    expect(p).toEqual([{ path: 'max', message: 'max must be >= min' }]);
  });

  it('a negative constant, a missing parameter, an unknown field, an empty empirical list', () => {
    expect(problems(-5)[0].message).toMatch(/>= 0/);
    const missing = problems({ dist: 'exponential' });
    expect(missing).toHaveLength(1);
    expect(missing[0].path).toBe('mean');
    const extra = problems({ dist: 'exponential', mean: 3, sd: 1 });
    expect(extra).toHaveLength(1);
    expect(extra[0].message).toMatch(/"sd"/);
    const empty = problems({ dist: 'empirical', values: [] });
    expect(empty[0].path).toBe('values');
    expect(problems({ dist: 'lognormal', median: 10, p99: 5 })[0].path).toBe('p99');
    expect(problems({ dist: 'lognormal', median: 0, p99: 5 })[0].path).toBe('median');
  });

  it('accepts the valid forms', () => {
    for (const d of [0, 12.5, { dist: 'constant', value: 3 }, { dist: 'exponential', mean: 0 }, { dist: 'uniform', min: 1, max: 1 },
      { dist: 'lognormal', median: 1, p99: 1 }, { dist: 'normal', mean: 0, sd: 0 }, { dist: 'pareto', scale: 1, shape: 1.5 },
      { dist: 'empirical', values: [0] }]) {
      expect(distributionSchema.safeParse(d).success).toBe(true);
    }
  });
});
