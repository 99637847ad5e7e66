import { describe, expect, it } from 'vitest';
import { SIZES, SIZE_NAMES, DEFAULT_USL } from '../../src/engine/scaling/sizes';
import { uslCapacity } from '../../src/engine/scaling/usl';
import { eventsOf, oneService, runScenario, simulate } from './helpers';

/**
 * Vertical scaling in the engine: a bigger size holds more workers and serves with the
 * diminishing returns of the Universal Scalability Law (semantics.md §11, sizes.ts); a resize
 * of a running service restarts its instances one at a time (§12).
 */

/** Saturated throughput of one instance of `size`: more users than workers, no think time. */
function saturatedRps(size: string, usl?: { alpha: number; beta: number }): number {
  const r = runScenario({
    version: 1, name: 'usl', seed: 1, durationMs: 30_000, warmupMs: 5000,
    nodes: [
      { id: 'users', kind: 'client', load: { users: 200, thinkTimeMs: 0 } },
      { id: 'api', kind: 'service', instances: 1, concurrency: 4, queueCapacity: 1000, size, ...(usl ? { usl } : {}),
        serviceTimeMs: { dist: 'constant', value: 20 } },
    ],
    edges: [{ from: 'users', to: 'api', latencyMs: 0 }],
  });
  expect(r.clients.users.failed).toBe(0);
  return r.clients.users.throughput;
}

describe('the USL curve of a size change', () => {
  const small = 4 / 0.02;
  it.each(SIZE_NAMES)('%s: saturated throughput = small x C(N) / C(2)', (size) => {
    const n = SIZES[size].vcpu;
    const expected = small * uslCapacity(n, DEFAULT_USL.alpha, DEFAULT_USL.beta) / uslCapacity(2, DEFAULT_USL.alpha, DEFAULT_USL.beta);
    const rps = saturatedRps(size);
    expect(Math.abs(rps / expected - 1)).toBeLessThan(0.01);
  });

  it('diminishing returns: each doubling of vCPUs (and price) adds less throughput', () => {
    const rps = SIZE_NAMES.map((s) => saturatedRps(s));
    const gains = rps.slice(1).map((x, i) => x / rps[i]);
    for (const g of gains) expect(g).toBeLessThan(2);
    for (let i = 1; i < gains.length; i++) expect(gains[i]).toBeLessThan(gains[i - 1]);
  });

  it('retrograde with heavy coherency: xlarge serves less than large past N*', () => {
    const usl = { alpha: 0.1, beta: 0.02 }; // N* = sqrt(0.9 / 0.02) ≈ 6.7 vCPUs
    expect(saturatedRps('xlarge', usl)).toBeLessThan(saturatedRps('large', usl) * 0.85);
  });
});

describe('a lone request on a big instance', () => {
  // An idle VM serves one request at core speed, whatever its size: the USL's contention and
  // coherency costs arise only when several workers are busy at once.
  it.each(SIZE_NAMES)('%s: one request at a time takes its own service time', (size) => {
    const r = runScenario({
      version: 1, name: 'lone', seed: 1, durationMs: 60_000,
      nodes: [
        { id: 'users', kind: 'client', load: { users: 1, thinkTimeMs: 100 } },
        { id: 'api', kind: 'service', instances: 1, concurrency: 4, size, serviceTimeMs: { dist: 'constant', value: 50 } },
      ],
      edges: [{ from: 'users', to: 'api', latencyMs: 0 }],
    });
    expect(r.clients.users.latencyMs.max).toBeLessThan(50 * 1.01);
  });
});

describe('resizing a running service', () => {
  const base = { concurrency: 4, startupMs: 20_000 };
  const load = { rps: 100, arrival: 'poisson' };

  it('one instance: down from the stop until startupMs after it, then serving at the new size', () => {
    const sim = simulate(oneService({ ...base, instances: 1 }, load, { durationMs: 120_000 }));
    sim.runUntil(30_000);
    sim.apply({ type: 'setSize', node: 'api', size: 'large' });
    sim.runUntil(120_000);
    const r = sim.report();
    const restart = eventsOf(r, 'restart')[0];
    const ready = eventsOf(r, 'ready')[0];
    expect(restart.atMs).toBeGreaterThanOrEqual(30_000);
    expect(restart.atMs).toBeLessThan(31_000); // the drain of a few 20 ms requests
    expect(ready.atMs).toBeCloseTo(restart.atMs + 20_000, 2);
    // Every request in the gap is refused (nothing is ready); none fails in flight (drained).
    const refused = r.clients.users.failedBy.rejected;
    expect(refused).toBeGreaterThan(100 * 20 * 0.9);
    expect(refused).toBeLessThan(100 * 21 * 1.1);
    expect(r.clients.users.failedBy.crashed).toBe(0);
    expect(r.cost.perHour.api).toBeCloseTo(SIZES.large.pricePerHour, 9);
    // Billing: small until the restart, large after.
    const expected = (restart.atMs * SIZES.small.pricePerHour + (120_000 - restart.atMs) * SIZES.large.pricePerHour) / 3_600_000;
    expect(r.cost.total).toBeCloseTo(expected, 6);
  });

  it('three instances: a rolling restart, one at a time, with no downtime and no failure', () => {
    const sim = simulate(oneService({ ...base, instances: 3 }, load, { durationMs: 150_000 }));
    sim.runUntil(30_000);
    sim.apply({ type: 'setSize', node: 'api', size: 'medium' });
    sim.runUntil(150_000);
    const r = sim.report();
    expect(r.clients.users.failed).toBe(0);
    const ready = r.series.nodes.api.readyReplicas;
    const replicas = r.series.nodes.api.replicas;
    r.series.tMs.forEach((t, i) => {
      expect(replicas[i]).toBe(3);
      if (t >= 30_000 && t < 90_000) expect(ready[i]).toBe(2);
    });
    expect(eventsOf(r, 'restart').map((e) => e.message.match(/instance (\d)/)![1])).toEqual(['0', '1', '2']);
    const readyAt = eventsOf(r, 'ready').map((e) => e.atMs);
    expect(readyAt).toHaveLength(3);
    for (let k = 1; k < 3; k++) expect(readyAt[k] - readyAt[k - 1]).toBeGreaterThanOrEqual(20_000);
    expect(r.nodes.api.readyReplicas).toBe(3);
    expect(r.cost.perHour.api).toBeCloseTo(3 * SIZES.medium.pricePerHour, 9);
  });

  it('a crash during a rolling resize: the crashed instance comes back resized and the resize finishes', () => {
    const data = oneService({ ...base, instances: 3 }, load, {
      durationMs: 200_000,
      faults: [
        { kind: 'kill-instance', target: 'api', instance: 0, atMs: 40_000, durationMs: 5000 }, // being restarted
        { kind: 'kill-instance', target: 'api', instance: 2, atMs: 45_000, durationMs: 5000 }, // waiting its turn
      ],
    });
    const sim = simulate(data);
    sim.runUntil(30_000);
    sim.apply({ type: 'setSize', node: 'api', size: 'medium' });
    sim.runUntil(200_000);
    const r = sim.report();
    expect(r.nodes.api.readyReplicas).toBe(3);
    expect(r.cost.perHour.api).toBeCloseTo(3 * SIZES.medium.pricePerHour, 9);
    // Instance 2 was resized by its crash, so the rolling restart only had to take 0 and 1 down.
    expect(eventsOf(r, 'resize').filter((e) => /stopping/.test(e.message)).map((e) => e.message.match(/instance (\d)/)![1])).toEqual(['0', '1']);
  });

  it('instances the autoscaler adds during a resize get the new size', () => {
    const sim = simulate(oneService({ ...base, instances: 2, startupMs: 0, autoscale: { minReplicas: 2, maxReplicas: 6 } },
      { rps: 50, arrival: 'poisson' }, { durationMs: 120_000 }));
    sim.runUntil(10_000);
    sim.apply({ type: 'setSize', node: 'api', size: 'medium' });
    sim.apply({ type: 'setRps', node: 'users', rps: 1200 });
    sim.runUntil(120_000);
    const r = sim.report();
    expect(r.nodes.api.replicas).toBeGreaterThan(2);
    expect(r.cost.perHour.api).toBeCloseTo(r.nodes.api.replicas * SIZES.medium.pricePerHour, 9);
  });

  it('an unchanged size does nothing; a non-service or unknown size is an error', () => {
    const sim = simulate(oneService({}, load));
    sim.runUntil(1000);
    sim.apply({ type: 'setSize', node: 'api', size: 'small' });
    expect(sim.report().events).toEqual([]);
    expect(() => sim.apply({ type: 'setSize', node: 'users', size: 'large' })).toThrow(/not a service/);
    expect(() => sim.apply({ type: 'setSize', node: 'api', size: 'huge' as never })).toThrow(/unknown size/);
  });
});
