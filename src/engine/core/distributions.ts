import { z } from 'zod';
import { lognormalSigma } from './sampler';
import { msUpToADay } from './units';

/**
 * Times in a scenario (service times, network latency, think time) are distributions in
 * milliseconds. A bare number means a constant.
 */
export const distributionSchema = z.union([
  msUpToADay('a constant time'),
  z.discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('constant'), value: msUpToADay('value') }),
    z.strictObject({ dist: z.literal('exponential'), mean: msUpToADay('mean') }),
    z.strictObject({ dist: z.literal('uniform'), min: msUpToADay('min'), max: msUpToADay('max') })
      .refine((d) => d.max >= d.min, { message: 'max must be >= min', path: ['max'] }),
    z.strictObject({ dist: z.literal('lognormal'), median: msUpToADay('median').positive('median must be > 0'), p99: msUpToADay('p99') })
      .refine((d) => d.p99 >= d.median, { message: 'p99 must be >= median', path: ['p99'] }),
    z.strictObject({ dist: z.literal('normal'), mean: msUpToADay('mean'), sd: msUpToADay('sd') }),
    z.strictObject({ dist: z.literal('pareto'), scale: msUpToADay('scale').positive('scale must be > 0'), shape: z.number().positive('shape must be > 0').max(100) }),
    z.strictObject({ dist: z.literal('empirical'), values: z.array(msUpToADay('each value')).min(1, 'values needs at least one entry').max(10_000) }),
  ], { error: (iss) => iss.code === 'invalid_union' ? 'unknown distribution: dist must be one of constant, exponential, uniform, lognormal, normal, pareto, empirical' : undefined }),
]).describe('A time in milliseconds: a number, or {dist, ...} such as {dist:"exponential", mean:40}');

export type Distribution = z.input<typeof distributionSchema>;

/** The mean in milliseconds (Infinity for a Pareto with shape <= 1); for estimates and labels. */
export function distributionMean(d: Distribution): number {
  if (typeof d === 'number') return d;
  switch (d.dist) {
    case 'constant': return d.value;
    case 'exponential': return d.mean;
    case 'uniform': return (d.min + d.max) / 2;
    case 'lognormal': { const s = lognormalSigma(d.median, d.p99); return d.median * Math.exp((s * s) / 2); }
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
