import { describe, expect, it } from 'vitest';
import { distributionMean, type Distribution } from './distributions';
import { compileDistribution, sample } from './sampler';
import { createRng } from './rng';

/**
 * distributionMean() of a normal distribution returns `mean`, but sample() draws
 * from the normal truncated at 0 (rejection), whose mean is larger whenever sd is not small
 * next to mean. For {mean: 10, sd: 20} the samples average 20.2 ms, not 10 ms; for
 * {mean: 0, sd: 10} (a half-normal) 8.0 ms, not 0. Anything that estimates load from
 * distributionMean (capacity hints, labels, utilization estimates) is then off by up to 2x.
 *
 * src/engine/core/distributions.ts, distributionMean, case 'normal'.
 * Fix: return the truncated mean, mu + sd phi(a) / (1 - Phi(a)) with a = -mu / sd (and mu
 * when sd is 0), using an erf approximation for Phi.
 */
describe('distributionMean of a normal ignores the truncation at 0', () => {
  const sampleMean = (d: Distribution) => {
    const s = compileDistribution(d);
    const rng = createRng(11);
    let sum = 0;
    for (let i = 0; i < 200_000; i++) sum += sample(s, rng);
    return sum / 200_000;
  };

  it('matches the mean of the samples for {mean: 10, sd: 20} (1 %)', () => {
    const d: Distribution = { dist: 'normal', mean: 10, sd: 20 };
    const truncatedMean = 10 + (20 * (Math.exp(-0.125) / Math.sqrt(2 * Math.PI))) / 0.6914624612740131; // 20.18
    expect(Math.abs(sampleMean(d) - truncatedMean) / truncatedMean).toBeLessThan(0.01);
    expect(Math.abs(distributionMean(d) - truncatedMean) / truncatedMean).toBeLessThan(0.01);
  });

  it('is sd sqrt(2/pi) for {mean: 0, sd: 10}, a half-normal (1 %)', () => {
    const d: Distribution = { dist: 'normal', mean: 0, sd: 10 };
    const halfNormalMean = 10 * Math.sqrt(2 / Math.PI); // 7.98
    expect(Math.abs(distributionMean(d) - halfNormalMean) / halfNormalMean).toBeLessThan(0.01);
  });
});
