import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { parseScenarioOrThrow } from '../scenario/parse';
import { DEFAULT_SCENARIO_DATA } from '../store/defaultScenario';
import { fakeLoopHost } from '../../tests/helpers/fakeLoopHost';
import { SERIES_WINDOW_MS, withPageTracing } from './protocol';
import { createRunLoop, SLICE_MS } from './runLoop';
import { seriesWindow } from './seriesWindow';

const fakeHost = fakeLoopHost;

const tiny = parseScenarioOrThrow({
  version: 1, name: 'tiny', seed: 3, durationMs: 86_400_000,
  nodes: [{ id: 'users', kind: 'client', load: { rps: 2 } }, { id: 'api', kind: 'service', instances: 2, concurrency: 2, serviceTimeMs: 10 }],
  edges: [{ from: 'users', to: 'api' }],
});
const shop = parseScenarioOrThrow(DEFAULT_SCENARIO_DATA);

describe('run loop', () => {
  it('answers a report request with the full report of the run so far, the one a fresh run to that moment gives', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'report', id: 1 });
    expect(f.last('report')).toEqual({ type: 'report', id: 1, report: null });
    loop.handle({ type: 'load', scenario: tiny, gen: 1 });
    loop.handle({ type: 'step', ms: 5000 });
    loop.handle({ type: 'report', id: 2 });
    const answer = f.last('report')!;
    expect(answer.id).toBe(2);
    expect(answer.report?.simulatedMs).toBe(5000);
    const fresh = createSimulation(withPageTracing(tiny));
    fresh.runUntil(5000);
    expect(answer.report).toEqual(fresh.report());
  });

  it('answers a load with what it can do and a first picture at time 0', () => {
    const f = fakeHost();
    createRunLoop(f.host).handle({ type: 'load', scenario: shop, gen: 1 });
    expect(f.posts.map((p) => p.type)).toEqual(['ready', 'faults', 'snapshot', 'series']);
    expect(f.last('ready')?.capabilities).toEqual({ traces: true });
    expect(f.last('snapshot')?.snapshot.tMs).toBe(0);
  });

  it('traces a scenario that sets no tracing at the page rate, and none when it asks for none', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    expect(tiny.tracing).toBeUndefined();
    loop.handle({ type: 'load', scenario: { ...tiny, nodes: tiny.nodes.map((n) => (n.kind === 'client' ? { ...n, load: { rps: 400, arrival: 'poisson' as const } } : n)) }, gen: 1 });
    expect(f.last('ready')?.capabilities.traces).toBe(true);
    loop.handle({ type: 'step', ms: 5000 });
    const traces = f.last('series')?.traces ?? [];
    // About 2 % of 2000 requests.
    expect(traces.length).toBeGreaterThan(15);
    expect(traces.length).toBeLessThan(70);
    loop.handle({ type: 'load', scenario: { ...tiny, tracing: { sampleRate: 0 } }, gen: 2 });
    expect(f.last('ready')?.capabilities.traces).toBe(false);
  });

  it('at 1x advances simulated time with wall time and posts a snapshot about every 100 ms', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    loop.handle({ type: 'play' });
    f.runWall(2000);
    const t = f.last('snapshot')!.snapshot.tMs;
    expect(t).toBeGreaterThan(1800);
    expect(t).toBeLessThanOrEqual(2100);
    const snaps = f.posts.filter((p) => p.type === 'snapshot').length;
    expect(snaps).toBeGreaterThanOrEqual(15);
    expect(snaps).toBeLessThanOrEqual(25);
    expect(f.posts.some((p) => p.type === 'series' && p.window.tMs.length > 0)).toBe(true);
  });

  it('stops at Pause: no further simulated time, and the last picture says paused', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: tiny, gen: 1 });
    loop.handle({ type: 'setSpeed', speed: 25 });
    loop.handle({ type: 'play' });
    f.runWall(500);
    loop.handle({ type: 'pause' });
    const at = f.last('snapshot')!;
    expect(at.running).toBe(false);
    f.runWall(1000);
    expect(f.last('snapshot')!.snapshot.tMs).toBe(at.snapshot.tMs);
    expect(loop.isRunning()).toBe(false);
  });

  it('as fast as possible, works in slices so a Pause waits at most one slice', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: tiny, gen: 1 });
    loop.handle({ type: 'setSpeed', speed: 'max' });
    loop.handle({ type: 'play' });
    f.runWall(300);
    expect(f.frames.length).toBeGreaterThan(5);
    // Each frame gives the message queue back after its slice (plus the few clock reads of posting).
    for (const fr of f.frames) expect(fr.end - fr.start).toBeLessThanOrEqual(SLICE_MS + 2);
    expect(f.last('snapshot')!.snapshot.tMs).toBeGreaterThan(60_000);
    loop.handle({ type: 'pause' });
    expect(loop.isRunning()).toBe(false);
  });

  it('on a machine too slow for the pace, a paced run goes as fast as it can instead of sleeping between slices', () => {
    const reached = (speed: 25 | 'max') => {
      const f = fakeLoopHost({ readCostMs: 4 });
      const loop = createRunLoop(f.host);
      loop.handle({ type: 'load', scenario: shop, gen: 1 });
      loop.handle({ type: 'setSpeed', speed });
      loop.handle({ type: 'play' });
      f.runWall(5000);
      loop.handle({ type: 'pause' });
      return f.last('snapshot')!.snapshot.tMs;
    };
    const max = reached('max');
    // The slow machine cannot reach 25x (125 s of simulated time in 5 s)...
    expect(max).toBeLessThan(125_000);
    // ...so 25x keeps up with Max rather than idling a frame after each slice.
    expect(reached(25)).toBeGreaterThan(0.9 * max);
  });

  it('at 1x, a steady 50 rps client reads within 30 % of its rate at every pause, however short the run since the last picture', () => {
    const steady = parseScenarioOrThrow({
      version: 1, name: 'steady', seed: 5, durationMs: 600_000,
      nodes: [{ id: 'users', kind: 'client', load: { rps: 50 } }, { id: 'api', kind: 'service', instances: 2, concurrency: 4, serviceTimeMs: 10 }],
      edges: [{ from: 'users', to: 'api' }],
    });
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: steady, gen: 1 });
    loop.handle({ type: 'play' });
    f.runWall(8000);
    for (const wall of [37, 113, 260, 1, 590, 91, 333]) {
      loop.handle({ type: 'pause' });
      const snap = f.last('snapshot')!.snapshot;
      for (const rate of [snap.clients.users.rps, snap.nodes.api.arrivalsPerS, snap.edges['users->api'].callsPerS]) {
        expect(rate, `paused at ${snap.tMs} ms`).toBeGreaterThan(35);
        expect(rate, `paused at ${snap.tMs} ms`).toBeLessThan(65);
      }
      loop.handle({ type: 'play' });
      f.runWall(wall);
    }
  });

  it('stops at the scenario\'s end with a summary of the run; Play then runs on past it until paused, Reset starts over', () => {
    const short = parseScenarioOrThrow({
      version: 1, name: 'short', seed: 3, durationMs: 20_000,
      nodes: [{ id: 'users', kind: 'client', load: { rps: 20 } }, { id: 'api', kind: 'service', instances: 1, concurrency: 2, serviceTimeMs: 10 }],
      edges: [{ from: 'users', to: 'api' }],
      faults: [{ kind: 'kill-service', target: 'api', atMs: 5_000, durationMs: 3_000 }],
    });
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: short, gen: 1 });
    loop.handle({ type: 'setSpeed', speed: 'max' });
    loop.handle({ type: 'play' });
    f.runWall(2000);
    const ended = f.last('ended')!;
    expect(ended.gen).toBe(1);
    expect(loop.isRunning()).toBe(false);
    expect(f.last('snapshot')!.snapshot.tMs).toBe(20_000);
    expect(f.last('snapshot')!.running).toBe(false);
    expect(f.last('series')!.simTimeMs).toBe(20_000);
    // The summary: per client sent, failed, p99 of the successes; the events that mattered.
    const users = ended.summary.clients.find((c) => c.id === 'users')!;
    expect(users.sent).toBeGreaterThan(350);
    expect(users.failed).toBeGreaterThan(40);
    expect(users.p99Ms).toBeGreaterThanOrEqual(12);
    expect(ended.summary.atMs).toBe(20_000);
    expect(ended.summary.events.map((e) => [e.atMs, e.kind])).toEqual([[5_000, 'fault-start'], [5_000, 'crash'], [8_000, 'fault-end']]);
    // Nothing moves until someone asks: the clock stays at the end.
    f.runWall(500);
    expect(f.last('snapshot')!.snapshot.tMs).toBe(20_000);
    expect(f.posts.filter((p) => p.type === 'ended')).toHaveLength(1);
    // Continue: Play runs on past the end, open-ended, until paused.
    loop.handle({ type: 'setSpeed', speed: 100 });
    loop.handle({ type: 'play' });
    f.runWall(300);
    expect(loop.isRunning()).toBe(true);
    expect(f.last('snapshot')!.snapshot.tMs).toBeGreaterThan(30_000);
    loop.handle({ type: 'pause' });
    expect(f.posts.filter((p) => p.type === 'ended')).toHaveLength(1);
    // A longer scenario, edited in while it runs, moves the end.
    loop.handle({ type: 'load', scenario: short, gen: 3 });
    loop.handle({ type: 'change', change: { type: 'setDuration', durationMs: 30_000 } });
    loop.handle({ type: 'play' });
    f.runWall(2000);
    expect(f.last('ended')!.summary.atMs).toBe(30_000);
    // Reset: a fresh run stops at its end again.
    loop.handle({ type: 'setSpeed', speed: 'max' });
    loop.handle({ type: 'load', scenario: short, gen: 2 });
    loop.handle({ type: 'play' });
    f.runWall(2000);
    expect(f.last('ended')!.gen).toBe(2);
    expect(f.last('snapshot')!.snapshot.tMs).toBe(20_000);
  });

  it('steps one stretch of simulated time', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: tiny, gen: 1 });
    loop.handle({ type: 'step', ms: 1000 });
    loop.handle({ type: 'step', ms: 1000 });
    expect(f.last('snapshot')!.snapshot.tMs).toBe(2000);
  });

  it('applies live changes and reports a bad one as an error, not a crash', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: tiny, gen: 1 });
    loop.handle({ type: 'change', change: { type: 'setInstances', node: 'api', instances: 4 } });
    loop.handle({ type: 'step', ms: 100 });
    expect(f.last('snapshot')!.snapshot.nodes.api.replicas).toBe(4);
    loop.handle({ type: 'change', change: { type: 'setInstances', node: 'nope', instances: 1 } });
    expect(f.last('error')?.message).toMatch(/nope/);
  });

  it('starts and stops faults: a killed instance is crashed until the fault ends', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: tiny, gen: 1 });
    loop.handle({ type: 'startFault', fault: { kind: 'kill-instance', target: 'api' } });
    const active = f.last('faults')!.active;
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ fault: { kind: 'kill-instance', target: 'api' }, byChaos: false });
    loop.handle({ type: 'step', ms: 100 });
    expect(f.last('snapshot')!.snapshot.nodes.api.instances.map((i) => i.state)).toContain('crashed');
    loop.handle({ type: 'stopFault', id: active[0].id });
    expect(f.last('faults')!.active).toEqual([]);
  });

  it('posts the series window and traces the full report gives, built from the window alone', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: shop, gen: 1 });
    for (const ms of [1500, SERIES_WINDOW_MS + 20_500]) {
      loop.handle({ type: 'step', ms });
      const posted = f.last('series')!;
      const ref = createSimulation(shop);
      ref.runUntil(posted.simTimeMs);
      const report = ref.report();
      expect(posted.window).toEqual(seriesWindow(report.series, ref.now(), SERIES_WINDOW_MS));
      expect(posted.traces).toEqual(report.traces);
      expect(ref.series()).toEqual(report.series);
      expect(ref.traces()).toEqual(report.traces);
    }
    expect(f.last('series')!.window.tMs[0]).toBeGreaterThan(0);
  });

  it('lets the chaos monkey kill instances, the same ones on every run', () => {
    const kills = () => {
      const f = fakeHost();
      const loop = createRunLoop(f.host);
      loop.handle({ type: 'setChaos', enabled: true, perMinute: 30 });
      loop.handle({ type: 'load', scenario: shop, gen: 1 });
      for (let i = 0; i < 10; i++) loop.handle({ type: 'step', ms: 3000 });
      return f.posts.flatMap((p) => (p.type === 'faults' ? p.active : [])).filter((a) => a.byChaos).map((a) => `${a.startedAtMs}:${a.fault.target}`);
    };
    const a = kills();
    expect(a.length).toBeGreaterThan(0);
    expect(kills()).toEqual(a);
  });
});
