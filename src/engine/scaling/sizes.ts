/**
 * The catalogue of instance sizes for vertical scaling, and how a size changes a service.
 *
 * Sizes are modelled on one cloud family of general-purpose VMs: vCPUs and memory double from
 * one size to the next and so does the list price, as within an AWS m-family generation.
 */
import { uslCapacity, type UslParams } from './usl';

/** Size names, smallest first. */
export const SIZE_NAMES = ['small', 'medium', 'large', 'xlarge'] as const;

/** One of {@link SIZE_NAMES}. */
export type SizeName = (typeof SIZE_NAMES)[number];

/** What one instance of a size is. */
export interface InstanceSize {
  /** Virtual CPUs: the N of the Universal Scalability Law. */
  readonly vcpu: number;
  /** Memory in GiB (shown to users; not simulated). */
  readonly memoryGiB: number;
  /** On-demand price of one instance, dollars per hour. */
  readonly pricePerHour: number;
  /** Speed of one core relative to a `small` core (1 = same). */
  readonly speedFactor: number;
}

/**
 * The catalogue. Prices are illustrative, on the order of AWS m-family on-demand Linux prices
 * (us-east-1, m5.large ≈ $0.096/h, doubling per size), not a quote. Memory follows the
 * 2 GiB per vCPU of the sizes the issue names (AWS's m family has 4 GiB per vCPU); it is only
 * shown. speedFactor is 1 for all: the sizes of one family run the same processor generation
 * at the same clock, so a bigger size has more cores, not faster ones.
 */
export const SIZES: Readonly<Record<SizeName, InstanceSize>> = {
  small: { vcpu: 2, memoryGiB: 4, pricePerHour: 0.096, speedFactor: 1 },
  medium: { vcpu: 4, memoryGiB: 8, pricePerHour: 0.192, speedFactor: 1 },
  large: { vcpu: 8, memoryGiB: 16, pricePerHour: 0.384, speedFactor: 1 },
  xlarge: { vcpu: 16, memoryGiB: 32, pricePerHour: 0.768, speedFactor: 1 },
};

/** The size of a service that does not name one. */
export const DEFAULT_SIZE: SizeName = 'small';

/**
 * Default USL coefficients of a service: 5 % serialised work (α) and a small crosstalk term
 * (β), the worked example of semantics.md §11. Over the catalogue (2 to 16 vCPUs) they give
 * clearly diminishing returns (16 vCPUs ≈ 4.5× the throughput of 2, at 8× the price) while the
 * retrograde region (past N* ≈ 44) stays beyond the largest size; a service with heavier
 * coherency costs (larger β) can be configured to show it.
 */
export const DEFAULT_USL: UslParams = { alpha: 0.05, beta: 0.0005 };

/** How a size changes a service's instances; see {@link sizeEffect}. */
export interface SizeEffect {
  /** Workers per instance at this size. */
  readonly concurrency: number;
  /** Multiplier on a request's service time when every worker of the instance is busy (1 at `small`). */
  readonly serviceTimeFactor: number;
  /**
   * Multiplier on a request's service time by the number of busy workers when it starts
   * (index 1..concurrency, the request itself included); null when it is 1 at every load.
   */
  readonly factorByBusy: Float64Array | null;
}

/**
 * The effect of running a service on `size` instead of `small`.
 *
 * Model: the service's configured `concurrency` is its worker count on a `small` instance
 * (N0 = 2 vCPUs). A size with k× the vCPUs holds k× the workers (rounded, at least 1). Busy
 * workers contend for the instance as the Universal Scalability Law says. With b of the W
 * workers busy, the instance is loaded like n = b·N/W vCPUs, and a request that starts then
 * runs slower by
 *
 *   factor(b) = max(1, (n / C(n)) / (N0 / C(N0))) / speedFactor
 *
 * with C the USL capacity. A lone request (n at most N0) runs at core speed, as on an idle
 * real VM; with every worker busy (n = N) the factor is (N / C(N)) / (N0 / C(N0)), so the
 * instance's maximum throughput, W / service time, scales exactly as `C(N) / C(N0)`: more
 * capacity with diminishing returns, and less past the USL peak. At `small` the factor is 1
 * at every load, so a service that names no size is the plain M/M/c station.
 *
 * Rounding the worker count can only matter for sizes whose vCPUs are not a multiple of
 * `small`'s; in this catalogue k is always a whole number, so the law holds exactly.
 *
 * @example
 * sizeEffect('large', DEFAULT_USL, 4) // { concurrency: 16, serviceTimeFactor: ≈1.31, factorByBusy: [.., 1, 1, ..., 1.31] }
 */
export function sizeEffect(size: SizeName, usl: UslParams, baseConcurrency: number): SizeEffect {
  const spec = SIZES[size];
  const n0 = SIZES.small.vcpu;
  const n = spec.vcpu;
  const concurrency = Math.max(1, Math.round((baseConcurrency * n) / n0));
  const contention = (cores: number) => cores / uslCapacity(cores, usl.alpha, usl.beta);
  const atSmall = contention(n0);
  const factorAt = (cores: number) => Math.max(1, contention(cores) / atSmall) / spec.speedFactor;
  let factorByBusy: Float64Array | null = new Float64Array(concurrency + 1);
  let flat = true;
  for (let b = 1; b <= concurrency; b++) {
    factorByBusy[b] = factorAt((b * n) / concurrency);
    if (factorByBusy[b] !== 1) flat = false;
  }
  factorByBusy[0] = factorByBusy[1];
  if (flat) factorByBusy = null;
  // At `small` the two costs are the same expression, so the full-load factor is exactly 1 there.
  const serviceTimeFactor = contention(n) / atSmall / spec.speedFactor;
  return { concurrency, serviceTimeFactor, factorByBusy };
}
