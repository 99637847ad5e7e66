import { describe, expect, it } from 'vitest';
import type { ActiveFault, ReplayFrame, SeriesWindow } from '../../worker/protocol';
import { MAX_EVENTS } from '../mergeSnapshot';
import { FramePacker } from '../../worker/framePack';
import { EVENTS_SHOWN, RunHistory } from './runHistory';

/** A frame whose product node has `ready` instances ready, and a client sending at t/1000 rps. */
const frame = (tMs: number, ready = 3): ReplayFrame => ({
  tMs,
  clients: { users: { rps: tMs / 1000, errorRate: 0, p99Ms: 10, lastSecondAllFailed: false, sent: tMs, ok: tMs, failed: 0 } },
  nodes: { product: { arrivalsPerS: 1, throughputPerS: 1, errorRate: 0, ownErrorRate: 0, p99Ms: 5, utilization: 0.5, queueLength: 0, replicas: 3, readyReplicas: ready, workers: 6, instances: [] } },
  edges: {},
});

/** Series points for the seconds starting at `from`..`to` (exclusive), the value being the start second. */
const points = (from: number, to: number): SeriesWindow => {
  const tMs: number[] = [];
  for (let t = from; t < to; t += 1000) tMs.push(t);
  return { tMs, clients: { users: { rps: tMs.map((t) => t / 1000) } }, nodes: {}, edges: {} };
};

const packers = new WeakMap<RunHistory, FramePacker>();
/** Frames given to the history packed, as the worker sends them (a packer per run). */
function addFrames(h: RunHistory, frames: ReplayFrame[]): void {
  if (!packers.has(h)) packers.set(h, new FramePacker());
  const packer = packers.get(h)!;
  h.addFrames(frames.map((f) => packer.pack(f)), packer.takeNewShapes());
}

/** A history of `seconds` seconds, fed as the worker does: frames and series in batches. */
function run(seconds: number): RunHistory {
  const h = new RunHistory();
  for (let s = 0; s <= seconds; s += 10) {
    const frames = [];
    for (let t = s; t < Math.min(s + 10, seconds + 1); t++) frames.push(frame(t * 1000));
    addFrames(h, frames);
    h.addSeries(points(Math.max(0, s - 10) * 1000, s * 1000));
  }
  return h;
}

const kill = (id: string, startedAtMs: number): ActiveFault => ({ id, fault: { kind: 'kill-instance', target: 'product' }, startedAtMs, byChaos: false });

describe('the run history', () => {
  it('shows the frame of the last whole second at or before the moment asked for', () => {
    const h = run(100);
    expect(h.at(42_000)?.tMs).toBe(42_000);
    expect(h.at(42_999)?.clients.users.rps).toBe(42);
    expect(h.at(-1)).toBeNull();
  });

  it('gives the dashboard window as it was: the seconds over by then, at most five minutes of them', () => {
    const h = run(900);
    const w = h.at(600_000)!.series;
    expect(w.tMs[0]).toBe(300_000);
    expect(w.tMs.at(-1)).toBe(599_000);
    expect(w.clients.users.rps).toEqual(w.tMs.map((t) => t / 1000));
    expect(h.at(3000)!.series.tMs).toEqual([0, 1000, 2000]);
  });

  it('lists the events and the faults of that moment', () => {
    const h = run(60);
    h.addEvents([{ atMs: 10_000, kind: 'fault-start', message: 'kill', fault: 'live-1' }]);
    h.setFaults([kill('live-1', 10_000)], 10_000);
    h.addEvents([{ atMs: 30_000, kind: 'fault-end', message: 'over', fault: 'live-1' }]);
    h.setFaults([], 31_000);
    expect(h.at(5000)!.faults).toEqual([]);
    expect(h.at(20_000)!.faults.map((f) => f.id)).toEqual(['live-1']);
    expect(h.at(20_000)!.events.map((e) => e.kind)).toEqual(['fault-start']);
    // The fault ended when its end was logged, not when the page heard of it.
    expect(h.at(30_000)!.faults).toEqual([]);
    expect(h.at(50_000)!.events.map((e) => e.kind)).toEqual(['fault-start', 'fault-end']);
  });

  it('keeps as many events on show as the live event log', () => {
    expect(EVENTS_SHOWN).toBe(MAX_EVENTS);
  });

  it('forgets what came after a fork, and takes the new branch from there', () => {
    const h = run(60);
    h.addEvents([{ atMs: 40_500, kind: 'crash', message: 'late' }]);
    h.setFaults([kill('live-1', 45_000)], 45_000);
    h.truncateAfter(20_000);
    expect(h.span().toMs).toBe(20_000);
    expect(h.at(50_000)!.tMs).toBe(20_000);
    expect(h.at(50_000)!.events).toEqual([]);
    expect(h.at(50_000)!.series.tMs.at(-1)).toBe(19_000);
    addFrames(h, [frame(21_000, 1)]);
    h.addSeries(points(20_000, 21_000));
    expect(h.at(21_000)!.nodes.product.readyReplicas).toBe(1);
    expect(h.at(22_000)!.series.tMs.at(-1)).toBe(20_000);
    expect(h.at(21_000)!.faults).toEqual([]);
  });

  it('finds a moment of a one-hour run in a logarithmic number of steps', () => {
    const probesFor = (seconds: number) => {
      const h = run(seconds);
      h.probes = 0;
      h.at(seconds * 500);
      return h.probes;
    };
    const hour = probesFor(3600);
    // Four binary searches (frame, events, the window's two ends) over at most 3601 entries.
    expect(hour).toBeLessThanOrEqual(4 * Math.ceil(Math.log2(3602)));
    // Sixteen times the run: four more steps per search, not sixteen times the work.
    expect(probesFor(16 * 3600) - hour).toBeLessThanOrEqual(4 * 4 + 4);
  });
});
