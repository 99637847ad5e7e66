import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../scenario/parse';
import { DEFAULT_SCENARIO_DATA } from '../store/defaultScenario';
import { fakeLoopHost } from '../../tests/helpers/fakeLoopHost';
import { createRunLoop } from './runLoop';

const shop = parseScenarioOrThrow(DEFAULT_SCENARIO_DATA);
const twinPosts = (f: ReturnType<typeof fakeLoopHost>) => f.all('twin');

describe('compare mode in the run loop: variant A beside the loaded run (B)', () => {
  it('runs nothing extra until a twin is set, then starts A with B at time 0', () => {
    const f = fakeLoopHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    expect(twinPosts(f)).toHaveLength(0);
    loop.handle({ type: 'setTwin', scenario: shop });
    loop.handle({ type: 'load', scenario: shop, gen: 2 });
    const first = twinPosts(f);
    expect(first.map((p) => p.gen)).toEqual([2, 2]);
    expect(first[0].snapshot?.tMs).toBe(0);
  });

  it('keeps A at B\'s simulated time while playing, and the same scenario on the same seed gives the same figures', () => {
    const f = fakeLoopHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'setTwin', scenario: shop });
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    loop.handle({ type: 'setSpeed', speed: 25 });
    loop.handle({ type: 'play' });
    f.runWall(3000);
    loop.handle({ type: 'pause' });
    const b = f.last('snapshot')!.snapshot;
    const a = twinPosts(f).filter((p) => p.snapshot).at(-1)!.snapshot!;
    expect(b.tMs).toBeGreaterThan(10_000);
    expect(a.tMs).toBe(b.tMs);
    expect(a.clients).toEqual(b.clients);
    const m = twinPosts(f).filter((p) => p.measures).at(-1)!.measures!;
    expect(m.a).toEqual(m.b);
  });

  it('gives B\'s faults to A as well, and stops them on both', () => {
    const f = fakeLoopHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'setTwin', scenario: shop });
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    const target = shop.nodes.find((n) => n.kind === 'service')!.id;
    loop.handle({ type: 'startFault', fault: { kind: 'error', target, rate: 1 } });
    loop.handle({ type: 'step', ms: 5000 });
    const errA = () => Object.values(twinPosts(f).filter((p) => p.snapshot).at(-1)!.snapshot!.clients)[0].errorRate;
    const errB = () => Object.values(f.last('snapshot')!.snapshot.clients)[0].errorRate;
    expect(errA()).toBeGreaterThan(0);
    expect(errA()).toBe(errB());
    loop.handle({ type: 'stopFault', id: f.last('faults')!.active[0].id });
    loop.handle({ type: 'step', ms: 30_000 });
    expect(errA()).toBe(0);
    expect(errB()).toBe(0);
  });

  it('lets B differ: a change to B alone moves only B\'s figures', () => {
    const f = fakeLoopHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'setTwin', scenario: shop });
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    const client = shop.nodes.find((n) => n.kind === 'client')!.id;
    loop.handle({ type: 'change', change: { type: 'setRps', node: client, rps: 1 } });
    loop.handle({ type: 'step', ms: 10_000 });
    const m = twinPosts(f).filter((p) => p.measures).at(-1)!.measures!;
    const tput = (list: typeof m.a) => list.find((x) => x.key === `client:${client}:throughput`)!.value!;
    expect(tput(m.b)).toBeLessThan(2);
    expect(tput(m.a)).toBeGreaterThan(10);
  });

  it('takes A back with B when B forks from a moment of the past: both at that moment, with the faults as they were, and on together as before', () => {
    const target = shop.nodes.find((n) => n.kind === 'service')!.id;
    const client = shop.nodes.find((n) => n.kind === 'client')!.id;
    const play = (rewindAt: number | null) => {
      const f = fakeLoopHost();
      const loop = createRunLoop(f.host);
      loop.handle({ type: 'setTwin', scenario: shop });
      loop.handle({ type: 'load', scenario: shop, gen: 1 });
      loop.handle({ type: 'change', change: { type: 'setRps', node: client, rps: 5 } });
      loop.handle({ type: 'step', ms: 3000 });
      loop.handle({ type: 'startFault', fault: { kind: 'error', target, rate: 1 } });
      loop.handle({ type: 'step', ms: 7000 });
      if (rewindAt !== null) loop.handle({ type: 'rewind', tMs: rewindAt, gen: 2 });
      return { f, loop };
    };
    const { f, loop } = play(6000);
    const a = () => twinPosts(f).filter((p) => p.snapshot).at(-1)!;
    expect(a().gen).toBe(2);
    expect(a().snapshot!.tMs).toBe(6000);
    expect(Object.values(a().snapshot!.clients)[0].errorRate).toBeGreaterThan(0);
    // On from the fork, A and B are where a run that never went back would have them.
    loop.handle({ type: 'step', ms: 4000 });
    const straight = play(null);
    const m = (x: typeof f) => twinPosts(x).filter((p) => p.measures).at(-1)!.measures!;
    expect(m(f)).toEqual(m(straight.f));
    // B kept its own change (a client slowed to 5 rps), A did not.
    const tput = (list: ReturnType<typeof m>['a']) => list.find((x) => x.key === `client:${client}:throughput`)!.value!;
    expect(tput(m(f).b)).toBeLessThan(tput(m(f).a));
  });

  it('ends compare mode on setTwin null: the next load runs B alone', () => {
    const f = fakeLoopHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'setTwin', scenario: shop });
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    loop.handle({ type: 'setTwin', scenario: null });
    const before = twinPosts(f).length;
    loop.handle({ type: 'step', ms: 2000 });
    loop.handle({ type: 'load', scenario: shop, gen: 2 });
    expect(twinPosts(f)).toHaveLength(before);
  });
});
