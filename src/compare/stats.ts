/**
 * Means and 95 % intervals over seeds. Runs under different seeds are independent samples,
 * so a mean over n of them has a Student t interval with n - 1 degrees of freedom; A and B
 * run on the same seeds, so their difference is judged on the paired differences (the noise
 * both share cancels out, as in a paired t-test).
 */

/** Two-sided 95 % quantiles of Student's t for 1..30 degrees of freedom. */
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** t such that a 95 % interval is mean +- t * sd / sqrt(n); past 30 a close fit to the table (1.96 in the limit). */
export function t95(df: number): number {
  if (df < 1) return Infinity;
  return df <= 30 ? T95[Math.floor(df) - 1] : 1.96 + 2.4 / df;
}

/** A figure over seeds: its mean, and the 95 % interval of the mean (null with one seed). */
export interface Estimate {
  mean: number;
  lo: number | null;
  hi: number | null;
  /** Seeds that gave the figure. */
  n: number;
}

/** Mean and 95 % t-interval of the values that are numbers (null: a run with nothing to measure). */
export function estimate(values: readonly (number | null)[]): Estimate | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, lo: null, hi: null, n };
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  const half = t95(n - 1) * Math.sqrt(variance / n);
  return { mean, lo: mean - half, hi: mean + half, n };
}

/** B - A seed by seed, over the seeds where both gave the figure. */
export function pairedDifference(a: readonly (number | null)[], b: readonly (number | null)[]): Estimate | null {
  const d: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i], y = b[i];
    if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) d.push(y - x);
  }
  return estimate(d);
}

/** The interval holds 0: over these seeds the difference cannot be told from noise. Unknown with one seed. */
export function isNoise(d: Estimate | null): boolean | null {
  if (!d || d.lo === null || d.hi === null) return null;
  return d.lo <= 0 && d.hi >= 0;
}
