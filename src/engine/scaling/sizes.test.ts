import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, DEFAULT_USL, SIZE_NAMES, SIZES, sizeEffect, type SizeName } from './sizes';
import { uslCapacity, uslPeakN } from './usl';

/** Maximum throughput of one instance, in units of (one small worker / its service time). */
function instanceThroughput(size: SizeName, usl = DEFAULT_USL, base = 4): number {
  const e = sizeEffect(size, usl, base);
  return e.concurrency / e.serviceTimeFactor;
}

describe('the size catalogue', () => {
  it('lists every size once, smallest first, with the documented shapes', () => {
    expect(SIZE_NAMES).toEqual(['small', 'medium', 'large', 'xlarge']);
    expect(Object.keys(SIZES).sort()).toEqual([...SIZE_NAMES].sort());
    expect(SIZES.small).toMatchObject({ vcpu: 2, memoryGiB: 4 });
    expect(SIZES.medium).toMatchObject({ vcpu: 4, memoryGiB: 8 });
    expect(SIZES.large).toMatchObject({ vcpu: 8, memoryGiB: 16 });
    expect(SIZES.xlarge).toMatchObject({ vcpu: 16, memoryGiB: 32 });
    expect(DEFAULT_SIZE).toBe('small');
  });

  it('prices grow with size, proportionally to vCPUs, all with the same core speed', () => {
    for (const name of SIZE_NAMES) {
      const s = SIZES[name];
      expect(s.pricePerHour).toBeGreaterThan(0);
      expect(s.pricePerHour / s.vcpu).toBeCloseTo(SIZES.small.pricePerHour / SIZES.small.vcpu, 12);
      expect(s.speedFactor).toBe(1);
    }
  });

  it('defaults the USL coefficients to the reference example', () => {
    expect(DEFAULT_USL).toEqual({ alpha: 0.05, beta: 0.0005 });
  });
});

describe('sizeEffect', () => {
  it('leaves a small instance as configured', () => {
    expect(sizeEffect('small', DEFAULT_USL, 4)).toEqual({ concurrency: 4, serviceTimeFactor: 1, factorByBusy: null });
    expect(sizeEffect('small', { alpha: 0.3, beta: 0.01 }, 7)).toEqual({ concurrency: 7, serviceTimeFactor: 1, factorByBusy: null });
  });

  it('scales workers with vCPUs, at least one', () => {
    expect(sizeEffect('medium', DEFAULT_USL, 4).concurrency).toBe(8);
    expect(sizeEffect('large', DEFAULT_USL, 4).concurrency).toBe(16);
    expect(sizeEffect('xlarge', DEFAULT_USL, 1).concurrency).toBe(8);
    expect(sizeEffect('small', DEFAULT_USL, 0).concurrency).toBe(1);
  });

  it('gives large / small throughput = C(8) / C(2)', () => {
    const { alpha, beta } = DEFAULT_USL;
    const expected = uslCapacity(8, alpha, beta) / uslCapacity(2, alpha, beta);
    expect(instanceThroughput('large') / instanceThroughput('small')).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(3.05, 2);
  });

  it('is linear when the USL says so (no contention, no coherency)', () => {
    const linear = { alpha: 0, beta: 0 };
    expect(sizeEffect('xlarge', linear, 3)).toEqual({ concurrency: 24, serviceTimeFactor: 1, factorByBusy: null });
  });

  it('slows each worker when there is contention, with diminishing returns per dollar', () => {
    let prevFactor = 1;
    let prevPerDollar = Infinity;
    for (const name of SIZE_NAMES) {
      const f = sizeEffect(name, DEFAULT_USL, 4).serviceTimeFactor;
      expect(f).toBeGreaterThanOrEqual(prevFactor);
      prevFactor = f;
      const perDollar = instanceThroughput(name) / SIZES[name].pricePerHour;
      expect(perDollar).toBeLessThanOrEqual(prevPerDollar);
      prevPerDollar = perDollar;
    }
  });

  it('gives monotonically increasing capacity with size up to the USL peak', () => {
    // Default coefficients: the peak (≈ 44 vCPUs) lies beyond the catalogue, so every step up helps.
    for (let i = 1; i < SIZE_NAMES.length; i++) {
      expect(instanceThroughput(SIZE_NAMES[i])).toBeGreaterThan(instanceThroughput(SIZE_NAMES[i - 1]));
    }
  });

  it('turns retrograde past the USL peak', () => {
    // β = 0.02, α = 0.05: N* = sqrt(0.95 / 0.02) ≈ 6.9, between large (8) and medium (4).
    const heavy = { alpha: 0.05, beta: 0.02 };
    expect(uslPeakN(heavy.alpha, heavy.beta)).toBeCloseTo(6.89, 2);
    const t = (s: SizeName) => instanceThroughput(s, heavy);
    expect(t('medium')).toBeGreaterThan(t('small'));
    expect(t('xlarge')).toBeLessThan(t('large'));
    expect(t('xlarge') / t('small')).toBeCloseTo(
      uslCapacity(16, heavy.alpha, heavy.beta) / uslCapacity(2, heavy.alpha, heavy.beta),
      12,
    );
  });

  it('serves a lone request at core speed on every size, and slows it only as workers fill', () => {
    for (const name of SIZE_NAMES) {
      const e = sizeEffect(name, DEFAULT_USL, 4);
      const at = (busy: number) => (e.factorByBusy === null ? 1 : e.factorByBusy[busy]);
      expect(at(1)).toBe(1);
      for (let b = 2; b <= e.concurrency; b++) expect(at(b)).toBeGreaterThanOrEqual(at(b - 1));
      // Full load keeps the USL's throughput exact.
      expect(at(e.concurrency)).toBeCloseTo(e.serviceTimeFactor, 12);
    }
    // The factors the fidelity review measured for a lone request were 1.31 (large) and 1.78 (xlarge).
    expect(sizeEffect('xlarge', DEFAULT_USL, 4).serviceTimeFactor).toBeGreaterThan(1.7);
  });
});

