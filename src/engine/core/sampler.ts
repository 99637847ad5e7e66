import type { Distribution } from './distributions';
import type { Rng } from './rng';

/**
 * Sampling, apart from the scenario schema: this module has no side effects at load, which
 * lets the bundler inline the distribution codes into the hot path's switch.
 */

/** Distribution codes, compiled once so sampling is a switch on a small integer. */
const CONSTANT = 0;
const EXPONENTIAL = 1;
const UNIFORM = 2;
const LOGNORMAL = 3;
const NORMAL = 4;
const PARETO = 5;
const EMPIRICAL = 6;

/** A compiled distribution: a code and two parameters (plus the values of an empirical one). */
export interface Sampler {
  code: number;
  p1: number;
  p2: number;
  values: Float64Array | null;
}

/** z for the 99th percentile of the standard normal. */
export const Z99 = 2.3263478740408408;

/** The sigma of a lognormal given by its median and 99th percentile. */
export function lognormalSigma(median: number, p99: number): number {
  return Math.log(p99 / median) / Z99;
}

export function compileDistribution(d: Distribution): Sampler {
  if (typeof d === 'number') return { code: CONSTANT, p1: d, p2: 0, values: null };
  switch (d.dist) {
    case 'constant': return { code: CONSTANT, p1: d.value, p2: 0, values: null };
    case 'exponential': return { code: EXPONENTIAL, p1: d.mean, p2: 0, values: null };
    case 'uniform': return { code: UNIFORM, p1: d.min, p2: d.max - d.min, values: null };
    case 'lognormal': return { code: LOGNORMAL, p1: d.median, p2: lognormalSigma(d.median, d.p99), values: null };
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
