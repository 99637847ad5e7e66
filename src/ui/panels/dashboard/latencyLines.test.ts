import { describe, expect, it } from 'vitest';
import type { SeriesWindow } from '../../../worker/protocol';
import { latencyLines, latencyRows } from './latencyLines';

const channels = { throughput: [1], latencyP50Ms: [10], latencyP95Ms: [20], latencyP99Ms: [30] };
const window = (clients: string[]): SeriesWindow => ({ tMs: [0], clients: Object.fromEntries(clients.map((c) => [c, channels])), nodes: {}, edges: {} });

describe('latencyLines', () => {
  it('draws p50, p95 and p99 of one client, each with its own dash and colour', () => {
    const lines = latencyLines(window(['users']), ['users']);
    expect(lines.map((l) => [l.name, l.channel])).toEqual([['p50', 'latencyP50Ms'], ['p95', 'latencyP95Ms'], ['p99', 'latencyP99Ms']]);
    expect(new Set(lines.map((l) => l.dash)).size).toBe(3);
    expect(new Set(lines.map((l) => l.color)).size).toBe(3);
  });

  it('with several clients, a colour per client and a dash per percentile', () => {
    const lines = latencyLines(window(['web', 'mobile']), ['web', 'mobile']);
    expect(lines.map((l) => l.name)).toEqual(['web p50', 'web p95', 'web p99', 'mobile p50', 'mobile p95', 'mobile p99']);
    const key = (l: (typeof lines)[number]) => `${l.color}|${l.dash}`;
    expect(new Set(lines.map(key)).size).toBe(6);
    expect(lines.filter((l) => l.id === 'web').every((l) => l.color === lines[0].color)).toBe(true);
    expect(lines.filter((l) => l.name.endsWith('p99')).map((l) => l.dash)).toEqual([lines[2].dash, lines[2].dash]);
  });

  it('leaves out percentiles the window does not carry', () => {
    const w: SeriesWindow = { tMs: [0], clients: { users: { latencyP99Ms: [30] } }, nodes: {}, edges: {} };
    expect(latencyLines(w, ['users']).map((l) => l.name)).toEqual(['p99']);
  });

  it('leaves a gap, not a 0 ms point, in a second when no request succeeded', () => {
    const w: SeriesWindow = {
      tMs: [0, 1000, 2000, 3000],
      clients: { users: { throughput: [50, 50, 0, 50], errorRate: [0, 1, 0, 0.5], latencyP50Ms: [10, 0, 0, 12], latencyP95Ms: [20, 0, 0, 22], latencyP99Ms: [30, 0, 0, 33] } },
      nodes: {}, edges: {},
    };
    const rows = latencyRows(w, latencyLines(w, ['users']));
    expect(rows.map((r) => r.p99)).toEqual([30, undefined, undefined, 33]);
    expect(rows.map((r) => r.t)).toEqual([0, 1, 2, 3]);
  });
});
