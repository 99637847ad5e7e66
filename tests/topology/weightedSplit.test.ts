import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { binomialZ, delta, lazy, runInSlices, runToEnd, simulate, window, type Data } from './helpers';

/**
 * A gateway route that splits its traffic by weight (Envoy's weighted_clusters, semantics
 * §13): every request draws its target independently with probability weight / Σweight, so
 * the count per target edge is binomial (multinomial over three targets). A live `setRoutes`
 * changes the weights for requests routed from then on.
 *
 * Tolerance: 5 binomial standard deviations (a false alarm about once in 1.7 million checks
 * for a fair engine); the seeds are fixed, so the numbers do not move between runs anyway.
 */

const fast = (id: string): Data => ({ id, kind: 'service', instances: 1, concurrency: 64, serviceTimeMs: 1 });

function splitScenario(routes: Data[], targets: string[], paths: string[]): Data {
  return {
    version: 1, name: 'weighted split', seed: 21, durationMs: 60_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 500, arrival: 'poisson' }, paths: paths.map((path) => ({ path, weight: 1 })) },
      { id: 'gw', kind: 'gateway', concurrency: 1000, routes },
      ...targets.map(fast),
    ],
    edges: [{ from: 'users', to: 'gw' }, ...targets.map((to) => ({ from: 'gw', to }))],
  };
}

const calls = (r: Report, to: string) => r.edges[`gw->${to}`].calls;

describe('a weighted split sends each target its share', () => {
  const routes = [
    { prefix: '/a', to: [{ service: 'a1', weight: 90 }, { service: 'a2', weight: 10 }] },
    { prefix: '/b', to: [{ service: 'b1', weight: 70 }, { service: 'b2', weight: 20 }, { service: 'b3', weight: 10 }] },
    { prefix: '/c', to: [{ service: 'c1', weight: 1 }, { service: 'c2', weight: 0 }] },
    { prefix: '/d', to: [{ service: 'd0', weight: 0 }, { service: 'd1', weight: 3 }] },
  ];
  const targets = ['a1', 'a2', 'b1', 'b2', 'b3', 'c1', 'c2', 'd0', 'd1'];
  const report = lazy(() => runToEnd(splitScenario(routes, targets, ['/a', '/b', '/c', '/d'])));

  it('90/10 over a minute: each edge within 5 sigma of its weight', () => {
    const r = report();
    const n = calls(r, 'a1') + calls(r, 'a2');
    expect(n).toBeGreaterThan(6000); // ~7,500 requests on /a
    expect(binomialZ(calls(r, 'a1'), n, 0.9)).toBeLessThan(5);
    expect(calls(r, 'a1') / n).toBeCloseTo(0.9, 1);
  });

  it('70/20/10: each of the three edges within 5 sigma of its weight', () => {
    const r = report();
    const n = calls(r, 'b1') + calls(r, 'b2') + calls(r, 'b3');
    expect(n).toBeGreaterThan(6000);
    expect(binomialZ(calls(r, 'b1'), n, 0.7)).toBeLessThan(5);
    expect(binomialZ(calls(r, 'b2'), n, 0.2)).toBeLessThan(5);
    expect(binomialZ(calls(r, 'b3'), n, 0.1)).toBeLessThan(5);
  });

  it('a target of weight 0 gets nothing, wherever it stands in the list', () => {
    const r = report();
    expect(calls(r, 'c1')).toBeGreaterThan(6000);
    expect(calls(r, 'c2')).toBe(0);
    expect(r.nodes.c2.arrivals).toBe(0);
    expect(calls(r, 'd1')).toBeGreaterThan(6000);
    expect(calls(r, 'd0')).toBe(0);
    expect(r.nodes.d0.arrivals).toBe(0);
  });

  it('nothing fails and every routed request reaches its target (the split loses nothing)', () => {
    const r = report();
    expect(r.clients.users.failed).toBe(0);
    // At the end a few requests are still in the gateway's 1 ms of work or on the 1 ms wire.
    const routed = targets.reduce((a, t) => a + calls(r, t), 0);
    expect(r.nodes.gw.arrivals - routed).toBeGreaterThanOrEqual(0);
    expect(r.nodes.gw.arrivals - routed).toBeLessThan(10);
    for (const t of targets) {
      expect(calls(r, t) - r.nodes[t].arrivals).toBeGreaterThanOrEqual(0);
      expect(calls(r, t) - r.nodes[t].arrivals).toBeLessThan(10);
    }
  });

  it('weights are relative: 9/1 makes exactly the same run as 90/10', () => {
    const r = report();
    const small = routes.map((x) => (x.prefix === '/a' ? { prefix: '/a', to: [{ service: 'a1', weight: 9 }, { service: 'a2', weight: 1 }] } : x));
    const r2 = runToEnd(splitScenario(small, targets, ['/a', '/b', '/c', '/d']));
    expect(calls(r2, 'a1')).toBe(calls(r, 'a1'));
    expect(calls(r2, 'a2')).toBe(calls(r, 'a2'));
  });
});

describe('a live setRoutes moves the weights from then on', () => {
  const split = (w1: number, w2: number) => [{ prefix: '/a', to: [{ service: 'a1', weight: w1 }, { service: 'a2', weight: w2 }] }];
  const T = [20_000, 40_000, 60_000];
  const WEIGHTS: [number, number][] = [[100, 0], [50, 50], [0, 100]];

  const stepped = () => runInSlices(simulate(splitScenario(split(100, 0), ['a1', 'a2'], ['/a'])), T, (k, s) => {
    if (k > 0) s.apply({ type: 'setRoutes', node: 'gw', routes: split(...WEIGHTS[k]) });
  });
  const reports = lazy(stepped);
  const slice = (k: number, to: string) => delta(k === 0 ? null : reports()[k - 1], reports()[k], (r) => calls(r, to));

  it('100/0 for the first 20 s: a2 gets exactly nothing', () => {
    expect(slice(0, 'a1')).toBeGreaterThan(9000);
    expect(slice(0, 'a2')).toBe(0);
  });

  it('50/50 from 20 s to 40 s: each side within 5 sigma of half', () => {
    const n = slice(1, 'a1') + slice(1, 'a2');
    expect(n).toBeGreaterThan(9000);
    expect(binomialZ(slice(1, 'a2'), n, 0.5)).toBeLessThan(5);
  });

  it('0/100 from 40 s on: a1 gets exactly nothing', () => {
    expect(slice(2, 'a2')).toBeGreaterThan(9000);
    expect(slice(2, 'a1')).toBe(0);
  });

  it('the per-edge series show the same steps second by second', () => {
    const r = reports()[2];
    const a1 = r.series.edges['gw->a1'].attempts, a2 = r.series.edges['gw->a2'].attempts;
    // Points cover [t, t + 1 s); the change lands exactly on a point boundary.
    expect(window(r, a2, 0, 20_000).every((x) => x === 0)).toBe(true);
    expect(window(r, a1, 0, 20_000).every((x) => x > 350)).toBe(true); // ~500/s, Poisson: 350 is > 6 sigma below
    const half = window(r, a1, 20_000, 40_000).concat(window(r, a2, 20_000, 40_000));
    expect(half.every((x) => x > 150 && x < 350)).toBe(true); // ~250/s each: 150 and 350 are > 6 sigma away
    expect(window(r, a1, 40_000, 60_000).every((x) => x === 0)).toBe(true);
    expect(window(r, a2, 40_000, 60_000).every((x) => x > 350)).toBe(true);
  });

  it('the change is a live change: the same run with the same changes at the same times is identical', () => {
    expect(stepped()[2].edges).toEqual(reports()[2].edges);
  });
});
