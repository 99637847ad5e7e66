import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { createSimulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

// Same scenario and seed → the same report, byte for byte; another seed → another report;
// and running in slices (as the UI does, with live snapshots in between) → the same report
// as one call. The scenario touches every moving part the theory tests rely on: Poisson and
// constant open-loop clients with a step, a spike and a sine, a closed-loop client, random
// network latency, probabilistic sequential and parallel calls, all four balancers, small
// waiting rooms that reject, and a warm-up.
const SCENARIO = {
  version: 1,
  name: 'determinism',
  durationMs: 120_000,
  warmupMs: 10_000,
  nodes: [
    { id: 'web', kind: 'client', load: { rps: 60, arrival: 'poisson', steps: [{ atMs: 40_000, rps: 90 }], spike: { atMs: 70_000, durationMs: 5_000, multiplier: 3 }, sine: { amplitudeRps: 20, periodMs: 30_000 } } },
    { id: 'batch', kind: 'client', load: { rps: 10, arrival: 'constant' } },
    { id: 'app', kind: 'client', load: { users: 30, thinkTimeMs: { dist: 'exponential', mean: 500 } } },
    { id: 'front', kind: 'service', instances: 3, concurrency: 4, queueCapacity: 20, loadBalancer: 'round-robin', serviceTimeMs: { dist: 'lognormal', median: 8, p99: 40 }, callOrder: 'parallel' },
    { id: 'orders', kind: 'service', instances: 4, concurrency: 2, queueCapacity: 5, loadBalancer: 'least-outstanding', serviceTimeMs: { dist: 'exponential', mean: 25 } },
    { id: 'search', kind: 'service', instances: 3, concurrency: 2, queueCapacity: 10, loadBalancer: 'power-of-two-choices', serviceTimeMs: { dist: 'uniform', min: 5, max: 30 } },
    { id: 'db', kind: 'service', instances: 2, concurrency: 3, queueCapacity: 8, loadBalancer: 'random', serviceTimeMs: { dist: 'exponential', mean: 6 } },
  ],
  edges: [
    { from: 'web', to: 'front', latencyMs: { dist: 'exponential', mean: 2 } },
    { from: 'batch', to: 'orders', latencyMs: 1 },
    { from: 'app', to: 'front', latencyMs: 0 },
    { from: 'front', to: 'orders', probability: 0.7, latencyMs: { dist: 'uniform', min: 0.5, max: 1.5 } },
    { from: 'front', to: 'search', probability: 0.5 },
    { from: 'orders', to: 'db', latencyMs: 0 },
    { from: 'search', to: 'db', probability: 0.3, latencyMs: 0.5 },
  ],
};

function run(seed: number, slices?: number[], between?: (sim: ReturnType<typeof createSimulation>) => void): string {
  const sim = createSimulation(parseScenarioOrThrow(SCENARIO), { seed });
  if (slices) {
    for (const t of slices) {
      sim.runUntil(t);
      between?.(sim);
    }
  }
  sim.runUntil(sim.durationMs);
  expect(sim.stoppedEarly()).toBeUndefined();
  return JSON.stringify(sim.report());
}

/** Slice ends: irregular steps, some on whole milliseconds and ticks, some not. */
function sliceEnds(durationMs: number): number[] {
  const ends: number[] = [];
  const steps = [1, 7.5, 16, 33.333, 50, 100, 0.25, 3, 99.9, 13];
  let t = 0;
  for (let i = 0; t < durationMs; i++) {
    t = Math.min(durationMs, t + steps[i % steps.length]);
    ends.push(t);
  }
  return ends;
}

describe('determinism', () => {
  let one = '';
  let report: Report;
  beforeAll(() => {
    one = run(42);
    report = JSON.parse(one) as Report;
  });

  it('the scenario exercises what it should (requests everywhere, some rejected)', () => {
    for (const id of ['front', 'orders', 'search', 'db']) expect(report.nodes[id].completed).toBeGreaterThan(1000);
    const rejected = ['front', 'orders', 'search', 'db'].reduce((a, id) => a + report.nodes[id].rejected, 0);
    // 10/s evenly spaced over the measured [10 s, 120 s]: 1100, or 1101 counting both ends.
    expect(report.clients.batch.sent).toBeGreaterThanOrEqual(1100);
    expect(report.clients.batch.sent).toBeLessThanOrEqual(1101);
    expect(rejected).toBeGreaterThan(0);
    expect(report.clients.app.ok).toBeGreaterThan(1000);
    expect(report.warmupMs).toBe(10_000);
  });

  it('same scenario and seed → identical report, byte for byte', () => {
    expect(run(42)).toBe(one);
  });

  it('another seed → a different report', () => {
    const other = run(43);
    expect(other).not.toBe(one);
    expect(JSON.parse(other).clients.web.sent).not.toBe(report.clients.web.sent);
  });

  it('many small runUntil slices → the same report as one call', () => {
    const ends = sliceEnds(120_000);
    expect(ends.length).toBeGreaterThan(1000);
    expect(run(42, ends)).toBe(one);
  });

  it('slices with a live snapshot after each (as the UI polls) → the same report', () => {
    expect(run(42, sliceEnds(120_000), (sim) => sim.snapshot())).toBe(one);
  });

  it('slices ending exactly on event times (ticks, constant arrivals every 100 ms) → the same report', () => {
    const ends = Array.from({ length: 1200 }, (_, i) => (i + 1) * 100);
    expect(run(42, ends, (sim) => sim.snapshot())).toBe(one);
  });

  it('slices with a report() in between → the same final report', () => {
    const ends = Array.from({ length: 240 }, (_, i) => (i + 1) * 500);
    expect(run(42, ends, (sim) => sim.report())).toBe(one);
  });

  it('step() one event at a time → the same report as runUntil', () => {
    const stepped = createSimulation(parseScenarioOrThrow(SCENARIO), { seed: 42 });
    // Step until the clock passes 60 s, then finish any events at that same instant; a fresh
    // run to that instant with one runUntil must agree.
    while (stepped.now() <= 60_000) expect(stepped.step()).toBe(true);
    const t = stepped.now();
    stepped.runUntil(t);
    const direct = createSimulation(parseScenarioOrThrow(SCENARIO), { seed: 42 });
    direct.runUntil(t);
    expect(JSON.stringify(stepped.report())).toBe(JSON.stringify(direct.report()));
  });
});
