import { describe, expect, it } from 'vitest';
import { CostMeter } from './cost';
import { SIZES } from './sizes';

const HOUR = 3_600_000;
const small = SIZES.small.pricePerHour;

describe('CostMeter', () => {
  it('charges 2 small instances for one simulated hour 2 × the hourly price', () => {
    const meter = new CostMeter(1);
    meter.setRate(0, 0, 2 * small);
    expect(meter.totalAt(HOUR)).toBeCloseTo(2 * small, 12);
    expect(meter.byNodeAt(HOUR, 0)).toBeCloseTo(2 * small, 12);
  });

  it('starts at zero and costs nothing before a rate is set', () => {
    const meter = new CostMeter(3);
    expect(meter.nodeCount).toBe(3);
    expect(meter.totalAt(0)).toBe(0);
    expect(meter.totalAt(10 * HOUR)).toBe(0);
  });

  it('integrates a rate change halfway exactly', () => {
    const meter = new CostMeter(1);
    meter.setRate(0, 0, 2 * small);
    meter.setRate(HOUR / 2, 0, 4 * small); // scaled out from 2 to 4 at half past
    expect(meter.rateOf(0)).toBe(4 * small);
    expect(meter.totalAt(HOUR / 2)).toBeCloseTo(small, 12);
    expect(meter.totalAt(HOUR)).toBeCloseTo(small + 2 * small, 12);
    // Later queries keep integrating the last rate.
    expect(meter.totalAt(2 * HOUR)).toBeCloseTo(3 * small + 4 * small, 12);
  });

  it('integrates a resize to a larger size and back', () => {
    const meter = new CostMeter(1);
    meter.setRate(0, 0, SIZES.small.pricePerHour);
    meter.setRate(15 * 60_000, 0, SIZES.large.pricePerHour);
    meter.setRate(45 * 60_000, 0, SIZES.small.pricePerHour);
    const expected = SIZES.small.pricePerHour * 0.5 + SIZES.large.pricePerHour * 0.5;
    expect(meter.totalAt(HOUR)).toBeCloseTo(expected, 12);
  });

  it('meters nodes separately and sums them', () => {
    const meter = new CostMeter(2);
    meter.setRate(0, 0, 1);
    meter.setRate(HOUR, 1, 3); // node 1 starts an hour later
    meter.setRate(HOUR, 0, 0); // node 0 scaled to zero
    expect(meter.byNodeAt(2 * HOUR, 0)).toBeCloseTo(1, 12);
    expect(meter.byNodeAt(2 * HOUR, 1)).toBeCloseTo(3, 12);
    expect(meter.totalAt(2 * HOUR)).toBeCloseTo(4, 12);
  });

  it('refuses to go back in time, unknown nodes and bad rates', () => {
    const meter = new CostMeter(1);
    meter.setRate(1000, 0, 1);
    expect(() => meter.totalAt(999)).toThrow(RangeError);
    expect(() => meter.setRate(500, 0, 2)).toThrow(RangeError);
    expect(() => meter.byNodeAt(2000, 1)).toThrow(RangeError);
    expect(() => meter.setRate(2000, 0, -1)).toThrow(RangeError);
    expect(() => meter.setRate(2000, 0, Number.NaN)).toThrow(RangeError);
  });
});
