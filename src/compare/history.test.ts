import { describe, expect, it } from 'vitest';
import type { SeriesWindow } from '../worker/protocol';
import { mergeTail, windowAt } from './history';

const win = (from: number, to: number, scale = 1): SeriesWindow => {
  const tMs = Array.from({ length: (to - from) / 1000 + 1 }, (_, i) => from + i * 1000);
  return { tMs, clients: { users: { latencyP99Ms: tMs.map((t) => (t / 1000) * scale) } }, nodes: { x: {} }, edges: {} };
};

describe("variant A's kept series", () => {
  it('grows with each window the worker sends, the newer window winning where they overlap', () => {
    let past = mergeTail(null, win(0, 4000));
    past = mergeTail(past, win(2000, 6000, 10));
    expect(past.tMs).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000]);
    expect(past.clients.users.latencyP99Ms).toEqual([0, 1, 20, 30, 40, 50, 60]);
    expect(past.nodes).toEqual({});
  });

  it('goes back with a run that forks from the past or starts over', () => {
    const past = mergeTail(mergeTail(null, win(0, 9000)), win(0, 3000, 2));
    expect(past.tMs).toEqual([0, 1000, 2000, 3000]);
    expect(past.clients.users.latencyP99Ms).toEqual([0, 2, 4, 6]);
  });

  it('gives the window a chart showed at a moment of the past', () => {
    const past = mergeTail(null, win(0, 9000));
    const w = windowAt(past, 5000, 3000)!;
    expect(w.tMs).toEqual([3000, 4000, 5000]);
    expect(w.clients.users.latencyP99Ms).toEqual([3, 4, 5]);
  });

  it('marks a client that appeared later as having no points before it', () => {
    const later: SeriesWindow = { tMs: [2000], clients: { bots: { latencyP99Ms: [7] } }, nodes: {}, edges: {} };
    const past = mergeTail(mergeTail(null, win(0, 1000)), later);
    expect(past.clients.bots.latencyP99Ms).toEqual([NaN, NaN, 7]);
    expect(past.clients.users.latencyP99Ms).toEqual([0, 1, NaN]);
  });
});
