import { z } from 'zod';
import type { Rng } from './rng';

/**
 * Times in a scenario (service times, network latency, think time) are distributions in
 * milliseconds. A bare number means a constant.
 */
const nonNeg = (what: string) => z.number({ error: `${what} must be a number of milliseconds` }).min(0, `${what} must be >= 0`).max(86_400_000, `${what} must be at most a day (86400000 ms)`);

export const distributionSchema = z.union([
  nonNeg('a constant time'),
  z.discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('constant'), value: nonNeg('value') }),
    z.strictObject({ dist: z.literal('exponential'), mean: nonNeg('mean') }),
    z.strictObject({ dist: z.literal('uniform'), min: nonNeg('min'), max: nonNeg('max') })
      .refine((d) => d.max >= d.min, { message: 'max must be >= min', path: ['max'] }),
    z.strictObject({ dist: z.literal('lognormal'), median: nonNeg('median').positive('median must be > 0'), p99: nonNeg('p99') })
      .refine((d) => d.p99 >= d.median, { message: 'p99 must be >= median', path: ['p99'] }),
    z.strictObject({ dist: z.literal('normal'), mean: nonNeg('mean'), sd: nonNeg('sd') }),
    z.strictObject({ dist: z.literal('pareto'), scale: nonNeg('scale').positive('scale must be > 0'), shape: z.number().positive('shape must be > 0').max(100) }),
    z.strictObject({ dist: z.literal('empirical'), values: z.array(nonNeg('each value')).min(1, 'values needs at least one entry').max(10_000) }),
  ], { error: (iss) => iss.code === 'invalid_union' ? 'unknown distribution: dist must be one of constant, exponential, uniform, lognormal, normal, pareto, empirical' : undefined }),
]).describe('A time in milliseconds: a number, or {dist, ...} such as {dist:"exponential", mean:40}');

export type Distribution = z.input<typeof distributionSchema>;

/** Distribution codes, compiled once so sampling is a switch on a small integer. */
export const DistCode = { Constant: 0, Exponential: 1, Uniform: 2, Lognormal: 3, Normal: 4, Pareto: 5, Empirical: 6 } as const;
const CONSTANT = 0, EXPONENTIAL = 1, UNIFORM = 2, LOGNORMAL = 3, NORMAL = 4, PARETO = 5, EMPIRICAL = 6;

/** A compiled distribution: a code and two parameters (plus the values of an empirical one). */
export interface Sampler {
  code: number;
  p1: number;
  p2: number;
  values: Float64Array | null;
}

/** z for the 99th percentile of the standard normal. */
const Z99 = 2.3263478740408408;

export function compileDistribution(d: Distribution): Sampler {
  if (typeof d === 'number') return { code: CONSTANT, p1: d, p2: 0, values: null };
  switch (d.dist) {
    case 'constant': return { code: CONSTANT, p1: d.value, p2: 0, values: null };
    case 'exponential': return { code: EXPONENTIAL, p1: d.mean, p2: 0, values: null };
    case 'uniform': return { code: UNIFORM, p1: d.min, p2: d.max - d.min, values: null };
    case 'lognormal': return { code: LOGNORMAL, p1: d.median, p2: Math.log(d.p99 / d.median) / Z99, values: null };
    case 'normal': return { code: NORMAL, p1: d.mean, p2: d.sd, values: null };
    case 'pareto': return { code: PARETO, p1: d.scale, p2: 1 / d.shape, values: null };
    case 'empirical': return { code: EMPIRICAL, p1: 0, p2: 0, values: Float64Array.from(d.values) };
  }
}

function standardNormal(rng: Rng): number {
  // Box-Muller; 1 - u keeps the log's argument in (0, 1].
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Draws one value in milliseconds. Called on the hot path: no allocation. */
export function sample(s: Sampler, rng: Rng): number {
  switch (s.code) {
    case CONSTANT: return s.p1;
    case EXPONENTIAL: return -s.p1 * Math.log(1 - rng.next());
    case UNIFORM: return s.p1 + s.p2 * rng.next();
    case LOGNORMAL: return s.p1 * Math.exp(s.p2 * standardNormal(rng));
    case NORMAL: {
      // Truncated at 0 by rejection, so the shape above 0 is kept; give up after a while
      // for a mean far below 0 rather than loop.
      for (let i = 0; i < 64; i++) {
        const x = s.p1 + s.p2 * standardNormal(rng);
        if (x >= 0) return x;
      }
      return 0;
    }
    case PARETO: return s.p1 / Math.pow(1 - rng.next(), s.p2);
    case EMPIRICAL: {
      const v = s.values!;
      return v[Math.floor(rng.next() * v.length)];
    }
  }
  return 0;
}

/** The mean in milliseconds (Infinity for a Pareto with shape <= 1); for estimates and labels. */
export function distributionMean(d: Distribution): number {
  if (typeof d === 'number') return d;
  switch (d.dist) {
    case 'constant': return d.value;
    case 'exponential': return d.mean;
    case 'uniform': return (d.min + d.max) / 2;
    case 'lognormal': { const s = Math.log(d.p99 / d.median) / Z99; return d.median * Math.exp((s * s) / 2); }
    case 'normal': {
      // Sampling rejects values below 0, so the mean is that of the normal truncated at 0:
      // mu + sigma * phi(a) / (1 - Phi(a)) with a = -mu / sigma.
      if (d.sd === 0) return d.mean;
      const a = -d.mean / d.sd;
      const phi = Math.exp((-a * a) / 2) / Math.sqrt(2 * Math.PI);
      return d.mean + (d.sd * phi) / (1 - normalCdf(a));
    }
    case 'pareto': return d.shape > 1 ? (d.shape * d.scale) / (d.shape - 1) : Infinity;
    case 'empirical': return d.values.reduce((a, b) => a + b, 0) / d.values.length;
  }
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf; error below 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** A short human label: "exp(40 ms)", "25 ms". */
export function describeDistribution(d: Distribution): string {
  if (typeof d === 'number') return `${d} ms`;
  switch (d.dist) {
    case 'constant': return `${d.value} ms`;
    case 'exponential': return `exp(mean ${d.mean} ms)`;
    case 'uniform': return `uniform(${d.min}–${d.max} ms)`;
    case 'lognormal': return `lognormal(median ${d.median}, p99 ${d.p99} ms)`;
    case 'normal': return `normal(${d.mean} ± ${d.sd} ms)`;
    case 'pareto': return `pareto(scale ${d.scale} ms, shape ${d.shape})`;
    case 'empirical': return `empirical(${d.values.length} values)`;
  }
}
