import { describe, expect, it } from 'vitest';
import type { RunFigures } from '../../sweep/figures';
import { sweepPicture } from './sweepSeries';
import type { SweepPlan } from './sweepState';

const field = { path: 'nodes.api.instances', label: 'api: instances', unit: 'instances', current: 2, whole: true, range: { from: 1, to: 2, step: 1 } };
const run = (p99: number, errorRate: number, cost: number): RunFigures => ({ clients: { users: { p50: p99 / 2, p99, errorRate, throughput: 100 } }, errorRate, throughput: 100, cost });

describe('the sweep charts over several seeds', () => {
  it('draw each value as the mean and shade from the lowest seed to the highest', () => {
    const plan: SweepPlan = { field, values: [1, 2], seeds: [1, 2, 3], durationMs: 1_800_000 };
    const picture = sweepPicture(plan, [run(100, 0.1, 1), run(140, 0.3, 1), run(120, 0.2, 1), run(50, 0, 2), run(60, 0, 2), run(55, 0, 2)]);
    const [one, two] = picture.points;
    expect(one['p99:users']).toBe(120);
    expect(one['p99band:users']).toEqual([100, 140]);
    // Percent, as the line is.
    expect(one.errorBand![0]).toBeCloseTo(10);
    expect(one.errorBand![1]).toBeCloseTo(30);
    // Per hour: each run is half an hour.
    expect(two.costBand).toEqual([4, 4]);
  });
});
