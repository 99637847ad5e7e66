import { describe, expect, it } from 'vitest';
import { runToEnd, window } from './helpers';

/**
 * (time series): replicas and readyReplicas are one second early.
 *
 * Each series point is labelled with the start of its second (series.tMs) and the other
 * channels are time-weighted over that second (utilization, queueLength) or counted in it
 * (throughput). src/engine/metrics/tick.ts onTick instead counts the instances *at the tick*,
 * i.e. at the end of the second, and stores `ready × dt / dt`. So an instance that crashes at
 * 10 000 ms makes the point for 9 000-10 000 ms read 0 ready although it served that whole
 * second, and one that becomes ready at 17 000 ms shows as ready for 16 000-17 000 ms, when
 * it was still starting. The charts show a crash or a scale-up one second before it happens.
 * (The breakerState channel is sampled the same way: the state at the end of the second.)
 *
 * Fix: integrate the counts over the second as utilization does (e.g. keep readyArea and
 * replicaArea integrals updated where instances change state, like capArea), or sample them
 * when the point opens. When fixed, turn `it.fails` into `it`.
 */
const scenario = {
  version: 1, name: 'series replicas', seed: 11, durationMs: 25_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 20 } },
    { id: 'back', kind: 'service', concurrency: 4, serviceTimeMs: 10, startupMs: 2000 },
  ],
  edges: [{ from: 'users', to: 'back' }],
  faults: [{ kind: 'kill-instance', target: 'back', atMs: 10_000, durationMs: 5000 }],
};

describe('instance counts in the series are taken at the end of each second', () => {
  it('(for contrast) the instance is down from 10 s and ready again at 17 s, and the client sees exactly that', () => {
    const r = runToEnd(scenario);
    expect(r.events.filter((e) => e.node === 'back').map((e) => [e.kind, e.atMs])).toEqual([
      ['fault-start', 10_000], ['crash', 10_000], ['fault-end', 15_000], ['restart', 15_000], ['ready', 17_000],
    ]);
    expect(window(r, r.series.clients.users.errorRate, 9000, 10_000)).toEqual([0]);
    expect(window(r, r.series.clients.users.errorRate, 16_000, 17_000)).toEqual([1]);
  });

  it('the point for 9-10 s counts the instance ready (it served the whole second), the point for 16-17 s does not', () => {
    const r = runToEnd(scenario);
    expect(window(r, r.series.nodes.back.readyReplicas, 9000, 10_000)).toEqual([1]);
    expect(window(r, r.series.nodes.back.readyReplicas, 16_000, 17_000)).toEqual([0]);
  });
});
