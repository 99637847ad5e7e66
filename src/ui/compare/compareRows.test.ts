import { describe, expect, it } from 'vitest';
import type { SeriesWindow } from '../../worker/protocol';
import type { SeedRun } from '../../worker/seedRuns';
import { bandColumn, column, liveRows, seedRows } from './compareRows';

const win = (tMs: number[], p99: number[]): SeriesWindow => ({ tMs, clients: { web: { latencyP99Ms: p99 } }, nodes: {}, edges: {} });
const run = (p99: number[]): SeedRun => ({ measures: [], tMs: p99.map((_, i) => i * 1000), clients: { web: { latencyP99Ms: p99, errorRate: [], throughput: [] } } });

describe('compare chart rows', () => {
  it('puts A and B of the same simulated second on one row, each under its own labelled column', () => {
    const rows = liveRows(win([0, 1000], [10, 20]), win([0, 1000], [15, 30]), ['web'], 'latencyP99Ms');
    expect(rows).toEqual([{ t: 0, 'A · web': 10, 'B · web': 15 }, { t: 1, 'A · web': 20, 'B · web': 30 }]);
  });

  it('over seeds, gives each second the mean and a band that widens with the spread', () => {
    const rows = seedRows([run([10, 10]), run([10, 30])], [run([5, 5]), run([5, 5])], ['web'], 'latencyP99Ms');
    expect(rows[0][column('A', 'web')]).toBe(10);
    expect(rows[0][bandColumn('A', 'web')]).toEqual([10, 10]);
    expect(rows[1][column('A', 'web')]).toBe(20);
    const [lo, hi] = rows[1][bandColumn('A', 'web')] as [number, number];
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(100);
    expect(rows[1][bandColumn('B', 'web')]).toEqual([5, 5]);
  });
});

describe('compare chart rows over long runs', () => {
  it('averages seconds in stretches so a chart has at most 120 points', () => {
    const long = Array.from({ length: 900 }, (_, i) => i % 2);
    const rows = seedRows([run(long), run(long)], [run(long), run(long)], ['web'], 'latencyP99Ms');
    expect(rows.length).toBeLessThanOrEqual(120);
    expect(rows[0][column('A', 'web')]).toBeCloseTo(0.5, 9);
  });
});
