import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../scenario/parse';
import { DEFAULT_SCENARIO_DATA } from '../store/defaultScenario';
import { fakeLoopHost } from '../../tests/helpers/fakeLoopHost';
import type { ReplayFrame } from './protocol';
import { ShapeBook } from './framePack';
import { createRunLoop } from './runLoop';

const shop = parseScenarioOrThrow(DEFAULT_SCENARIO_DATA);

/** The frames of run `gen`, unpacked as the page does. */
function framesOf(f: ReturnType<typeof fakeLoopHost>, gen: number): ReplayFrame[] {
  const book = new ShapeBook();
  return f.all('series').flatMap((m) => {
    book.add(m.history?.shapes ?? []);
    return m.gen === gen ? (m.history?.frames ?? []).map((p) => book.unpack(p)) : [];
  });
}

const picture = (x: { clients: unknown; nodes: unknown; edges: unknown }) => ({ clients: x.clients, nodes: x.nodes, edges: x.edges });

describe('replay records of a run', () => {
  it('keeps a frame of the live view at every whole simulated second, whatever the speed', () => {
    const f = fakeLoopHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    loop.handle({ type: 'setSpeed', speed: 'max' });
    loop.handle({ type: 'play' });
    f.runWall(200);
    loop.handle({ type: 'pause' });
    const times = framesOf(f, 1).map((fr) => fr.tMs);
    expect(times.length).toBeGreaterThan(5);
    expect(times).toEqual(times.map((_, i) => i * 1000));
    // The last frame is the last whole second the run reached.
    expect(times.at(-1)).toBe(Math.floor(f.last('snapshot')!.snapshot.tMs / 1000) * 1000);
  });

  it('hands every event once to the live snapshots although frames read the log too', () => {
    const f = fakeLoopHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    loop.handle({ type: 'startFault', fault: { kind: 'kill-instance', target: 'product', durationMs: 3000 } });
    loop.handle({ type: 'step', ms: 10_000 });
    const events = f.all('snapshot').flatMap((m) => m.snapshot.newEvents);
    const kinds = events.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'fault-start')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'fault-end')).toHaveLength(1);
    expect(events.map((e) => e.atMs)).toEqual([...events.map((e) => e.atMs)].sort((a, b) => a - b));
  });

  it('rewinds to a moment: the run is then exactly as its frame of that moment, live changes and faults included', () => {
    const f = fakeLoopHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    loop.handle({ type: 'step', ms: 5000 });
    loop.handle({ type: 'change', change: { type: 'setRps', node: 'shoppers', rps: 300 } });
    loop.handle({ type: 'step', ms: 3000 });
    loop.handle({ type: 'startFault', fault: { kind: 'kill-instance', target: 'product' } });
    const faultId = f.last('faults')!.active[0].id;
    loop.handle({ type: 'step', ms: 4000 });
    loop.handle({ type: 'stopFault', id: faultId });
    loop.handle({ type: 'step', ms: 8000 });
    const frames = framesOf(f, 1);
    const at = (t: number) => frames.find((fr) => fr.tMs === t)!;

    // Forward again from after the last change: the same run, second by second.
    loop.handle({ type: 'rewind', tMs: 13_000, gen: 2 });
    loop.handle({ type: 'step', ms: 7000 });
    const again = framesOf(f, 2);
    expect(again.map((fr) => fr.tMs)).toEqual([14_000, 15_000, 16_000, 17_000, 18_000, 19_000, 20_000]);
    for (const fr of again) expect(picture(fr)).toEqual(picture(at(fr.tMs)));

    // Back into the fault: it is active again.
    loop.handle({ type: 'rewind', tMs: 10_000, gen: 3 });
    expect(f.last('ready')?.gen).toBe(3);
    const back = f.last('snapshot')!;
    expect(back.gen).toBe(3);
    expect(back.snapshot.tMs).toBe(10_000);
    expect(back.snapshot.newEvents).toEqual([]);
    expect(picture(back.snapshot)).toEqual(picture(at(10_000)));
    expect(f.last('faults')?.active.map((a) => a.fault.target)).toEqual(['product']);
    expect(back.snapshot.nodes.product.readyReplicas).toBeLessThan(at(20_000).nodes.product.readyReplicas);
  });

  it('replays the chaos monkey\'s kills as they happened, though it picks victims from live pictures', () => {
    const f = fakeLoopHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    loop.handle({ type: 'setChaos', enabled: true, perMinute: 30 });
    loop.handle({ type: 'setSpeed', speed: 'max' });
    loop.handle({ type: 'play' });
    f.runWall(800);
    loop.handle({ type: 'pause' });
    const frames = framesOf(f, 1);
    const kills = f.all('snapshot').flatMap((m) => m.snapshot.newEvents).filter((e) => e.kind === 'fault-start');
    expect(kills.length).toBeGreaterThan(2);
    const t = frames[Math.floor(frames.length * 0.8)].tMs;
    loop.handle({ type: 'setChaos', enabled: false, perMinute: 30 });
    loop.handle({ type: 'rewind', tMs: t, gen: 2 });
    expect(picture(f.last('snapshot')!.snapshot)).toEqual(picture(frames.find((fr) => fr.tMs === t)!));
  });

  it('forks at the moment it rewinds to: changes made later in the first run are forgotten', () => {
    const f = fakeLoopHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    loop.handle({ type: 'step', ms: 2000 });
    loop.handle({ type: 'step', ms: 3000 });
    loop.handle({ type: 'change', change: { type: 'setRps', node: 'shoppers', rps: 0 } });
    loop.handle({ type: 'step', ms: 10_000 });
    expect(f.last('snapshot')!.snapshot.clients.shoppers.rps).toBe(0);
    loop.handle({ type: 'rewind', tMs: 2000, gen: 2 });
    loop.handle({ type: 'step', ms: 13_000 });
    expect(f.last('snapshot')!.snapshot.clients.shoppers.rps).toBeGreaterThan(60);
  });
});
