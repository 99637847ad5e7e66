import { describe, expect, it } from 'vitest';
import { SIZES } from '../../src/engine/scaling/sizes';
import { eventsOf, oneService, runScenario, seriesAt, simulate } from './helpers';

/**
 * The autoscaler in the engine: the Kubernetes HPA algorithm (semantics.md §6) driving a
 * service's instances, with utilization measured on ready instances.
 */

const STEP = { rps: 100, arrival: 'poisson', steps: [{ atMs: 60_000, rps: 400 }, { atMs: 180_000, rps: 100 }] };
const AUTO = { minReplicas: 2, maxReplicas: 10, targetUtilization: 0.5 };

describe('a step of 100 -> 400 rps on 2 x 4 workers at 20 ms, target 0.5', () => {
  it.each([1, 2, 3])('seed %i: scales out to ceil(2 x 1.0 / 0.5) = 4 within a minute, and back to 2 only after the 300 s window', (seed) => {
    const r = runScenario(oneService({ autoscale: AUTO }, STEP, { seed, durationMs: 600_000 }));
    const scaled = eventsOf(r, 'autoscale');
    // Up once, at the first sync after the step, by the formula; down once, after the window.
    expect(scaled.map((e) => e.message)).toEqual([
      expect.stringMatching(/^api: 2 -> 4 replicas \(scale up: utilization (0\.\d\d|1\.00) > target 0\.50\)$/),
      expect.stringMatching(/^api: 4 -> 2 replicas/),
    ]);
    expect(scaled[0].atMs).toBe(75_000);
    expect(scaled[0].atMs - 60_000).toBeLessThanOrEqual(60_000);
    // The last sync that saw 400 rps recommended 4 (t = 180 s); the window keeps that for 300 s.
    expect(scaled[1].atMs).toBeGreaterThanOrEqual(180_000 + 300_000);
    expect(scaled[1].atMs).toBeLessThanOrEqual(180_000 + 300_000 + 15_000);

    const replicas = r.series.nodes.api.replicas;
    r.series.tMs.forEach((t, i) => {
      if (t < 75_000) expect(replicas[i]).toBe(2);
      else if (t < scaled[1].atMs) expect(replicas[i]).toBe(4);
      // Removed instances drain the requests they hold: they may still exist in the first second.
      else if (t < scaled[1].atMs + 1000) expect(replicas[i]).toBeGreaterThanOrEqual(2);
      else expect(replicas[i]).toBe(2);
    });
    // At 4 replicas the service runs at its target: 400 x 20 ms over 16 workers.
    const atTarget = r.series.tMs.map((t, i) => [t, r.series.nodes.api.utilization[i]]).filter(([t]) => t >= 100_000 && t < 180_000);
    const mean = atTarget.reduce((a, [, u]) => a + u, 0) / atTarget.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('new instances count in replicas at once and in readyReplicas after startupMs', () => {
    const r = runScenario(oneService({ autoscale: AUTO, startupMs: 8000 }, STEP, { durationMs: 120_000 }));
    const up = eventsOf(r, 'autoscale')[0];
    expect(up.atMs).toBe(75_000);
    expect(seriesAt(r, 'api', 'replicas', 75_000)).toBe(4);
    expect(seriesAt(r, 'api', 'readyReplicas', 75_000)).toBe(2);
    // A point is the mean over its second: the new instances are ready from 83 s on.
    expect(seriesAt(r, 'api', 'readyReplicas', 82_000)).toBe(2);
    expect(seriesAt(r, 'api', 'readyReplicas', 83_000)).toBe(4);
    expect(eventsOf(r, 'ready').map((e) => e.atMs).slice(0, 2)).toEqual([83_000, 83_000]);
  });

  it('does not buy capacity twice: starting instances count as idle when it considers a scale-up', () => {
    // Startup 40 s: at the sync of 90 s the two old instances are still saturated, but with the
    // two starting ones counted at 0 % the mean is at the target, so the HPA holds at 4.
    const r = runScenario(oneService({ autoscale: AUTO, startupMs: 40_000 }, STEP, { durationMs: 150_000 }));
    const ups = eventsOf(r, 'autoscale');
    expect(ups[0].atMs).toBe(75_000);
    expect(ups[0].message).toMatch(/^api: 2 -> 4 replicas/);
    expect(ups.filter((e) => e.atMs === 90_000 || e.atMs === 105_000)).toEqual([]);
  });

  it('scale-up is limited to max(2 x current, current + 4) per 15 s', () => {
    // 1 instance, saturated by 2000 rps: the formula wants 2 x 1/0.5 = 2 per sync, but at
    // utilization 1 it can only double; from 1: 1 -> 2 (formula), never more than 5 at once.
    const r = runScenario(oneService({ instances: 1, concurrency: 1, autoscale: { minReplicas: 1, maxReplicas: 50, targetUtilization: 0.1 } },
      { rps: 1000, arrival: 'poisson' }, { durationMs: 80_000 }));
    const counts = eventsOf(r, 'autoscale').map((e) => e.message.match(/(\d+) -> (\d+)/)!.slice(1).map(Number));
    expect(counts.length).toBeGreaterThan(2);
    for (const [from, to] of counts) expect(to).toBeLessThanOrEqual(Math.max(2 * from, from + 4));
    expect(counts[0]).toEqual([1, 5]);
  });

  it('a live setAutoscale turns it on and off; null leaves the instances as they are', () => {
    const sim = simulate(oneService({}, { rps: 400, arrival: 'poisson' }, { durationMs: 120_000 }));
    sim.runUntil(10_000);
    sim.apply({ type: 'setAutoscale', node: 'api', autoscale: { maxReplicas: 6 } });
    sim.runUntil(40_000);
    expect(sim.report().nodes.api.replicas).toBe(4);
    sim.apply({ type: 'setAutoscale', node: 'api', autoscale: null });
    sim.apply({ type: 'setRps', node: 'users', rps: 10 });
    sim.runUntil(120_000);
    const r = sim.report();
    expect(r.nodes.api.replicas).toBe(4);
    expect(eventsOf(r, 'autoscale').map((e) => e.message)).toEqual([
      'api: autoscaler on (1..6 replicas, target utilization 0.50)',
      expect.stringMatching(/^api: 2 -> 4 replicas \(scale up/),
      'api: autoscaler off',
    ]);
  });
});

describe('cost', () => {
  it('bills each instance at its size price for the time it exists', () => {
    const r = runScenario(oneService({ instances: 3, size: 'medium' }, { rps: 10 }, { durationMs: 3_600_000 }));
    expect(r.cost.total).toBeCloseTo(3 * SIZES.medium.pricePerHour, 6);
    expect(r.cost.byNode).toEqual({ api: r.cost.total });
    expect(r.cost.perHour.api).toBeCloseTo(3 * SIZES.medium.pricePerHour, 9);
  });

  it('follows the autoscaler: the integral of replicas x price', () => {
    const r = runScenario(oneService({ autoscale: AUTO }, STEP, { durationMs: 600_000 }));
    const replicaSeconds = r.series.nodes.api.replicas.reduce((a, x) => a + x, 0);
    expect(r.cost.total).toBeCloseTo((replicaSeconds * SIZES.small.pricePerHour) / 3600, 4);
    expect(r.cost.perHour.api).toBeCloseTo(2 * SIZES.small.pricePerHour, 9);
  });

  it('only services are billed; crashed instances awaiting restart still are', () => {
    const data = oneService({ instances: 2 }, { rps: 10 }, {
      durationMs: 3_600_000,
      faults: [{ kind: 'kill-service', target: 'api', atMs: 0 }],
    });
    data.nodes.push({ id: 'db', kind: 'database' } as never);
    data.edges.push({ from: 'api', to: 'db', latencyMs: 0 });
    const r = runScenario(data);
    expect(Object.keys(r.cost.byNode)).toEqual(['api']);
    expect(r.cost.total).toBeCloseTo(2 * SIZES.small.pricePerHour, 6);
  });
});
