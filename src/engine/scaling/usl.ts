/**
 * Gunther's Universal Scalability Law (http://www.perfdynamics.com/Manifesto/USLscalability.html).
 *
 * microcosm uses it for vertical scaling (N = vCPUs of an instance, see `sizes.ts`); it applies
 * equally to N instances sharing a lock or a database.
 */

/** USL coefficients: `alpha` = contention (serial fraction, 0..1), `beta` = coherency (crosstalk, >= 0). */
export interface UslParams {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Relative capacity `C(N) = N / (1 + α(N−1) + βN(N−1))`: throughput of N workers (cores,
 * instances) in units of the throughput of one. `C(1) = 1`.
 *
 * @example uslCapacity(8, 0.05, 0.0005) // ≈ 5.8
 */
export function uslCapacity(n: number, alpha: number, beta: number): number {
  return n / (1 + alpha * (n - 1) + beta * n * (n - 1));
}

/**
 * The N at which capacity peaks, `N* = sqrt((1−α)/β)`; past it, adding workers *lowers*
 * throughput (retrograde scaling). `Infinity` when β = 0 (Amdahl's law: capacity only
 * approaches `1/α`). N* is a real number; the best whole N is `floor(N*)` or `ceil(N*)`, and a
 * value below 1 means a single worker is already the best.
 *
 * @example uslPeakN(0.05, 0.0005) // ≈ 43.6
 */
export function uslPeakN(alpha: number, beta: number): number {
  if (beta === 0) return Infinity;
  return Math.sqrt((1 - alpha) / beta);
}
