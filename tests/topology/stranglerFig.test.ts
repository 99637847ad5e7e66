import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { binomialZ, delta, lazy, loadScenario, nodeOf, runInSlices, simulate, sliceMeanLatency, type Data } from './helpers';

/**
 * scenarios/strangler-fig.json: the gateway is the routing façade (Fowler's strangler fig);
 * /orders is split by weight between the legacy monolith and the new Orders service, and
 * starts at legacy 100 %. The test moves the weights live, 100/0 -> 75/25 -> 50/50 -> 0/100,
 * one step every 20 simulated seconds (semantics §13: a weight change applies to requests
 * routed from then on), and reads a report at the end of every step.
 *
 * Counting: the gateway->orders edge carries only /orders. The gateway->legacy edge also
 * carries /catalog and /account, so the /orders part of it is that edge's calls minus the
 * browsers' and members' requests. Those are counted where the clients send them, 2 ms before
 * the gateway routes them (1 ms wire + 1 ms gateway work), so at a slice boundary a request or
 * two may be counted in the neighbouring slice: hence the ±3 in the exact checks.
 */
const STEPS: [number, number][] = [[100, 0], [75, 25], [50, 50], [0, 100]];
const SLICE_MS = 20_000;
const T = STEPS.map((_, k) => (k + 1) * SLICE_MS);

type Route = { prefix: string; to: string | { service: string; weight: number }[] };

/** The scenario's routes with the /orders split set to legacy/new weights. */
function routesAt(s: Data, [legacy, fresh]: [number, number]): Route[] {
  return (nodeOf(s, 'gateway').routes as Route[]).map((r) =>
    r.prefix === '/orders' ? { prefix: '/orders', to: [{ service: 'legacy', weight: legacy }, { service: 'orders', weight: fresh }] } : r);
}

function migrate(seed?: number): Report[] {
  const s = loadScenario('strangler-fig');
  const sim = simulate(s, seed);
  return runInSlices(sim, T, (k, live) => {
    if (k > 0) live.apply({ type: 'setRoutes', node: 'gateway', routes: routesAt(s, STEPS[k]) });
  });
}

interface Slice {
  toNew: number;
  toLegacy: number;
  others: number;
  buyersMs: number;
  browsersMs: number;
  membersMs: number;
  buyersFailed: number;
  buyersAnswered: number;
  newErrors: number;
  legacyErrors: number;
}

function slices(reports: Report[]): Slice[] {
  return reports.map((r, k) => {
    const prev = k === 0 ? null : reports[k - 1];
    const d = (read: (x: Report) => number) => delta(prev, r, read);
    const others = d((x) => x.edges['browsers->gateway'].calls + x.edges['members->gateway'].calls);
    return {
      toNew: d((x) => x.edges['gateway->orders'].calls),
      toLegacy: d((x) => x.edges['gateway->legacy'].calls) - others,
      others,
      buyersMs: sliceMeanLatency(prev, r, 'buyers'),
      browsersMs: sliceMeanLatency(prev, r, 'browsers'),
      membersMs: sliceMeanLatency(prev, r, 'members'),
      buyersFailed: d((x) => x.clients.buyers.failed),
      buyersAnswered: d((x) => x.clients.buyers.ok + x.clients.buyers.failed),
      newErrors: d((x) => x.edges['gateway->orders'].errors),
      legacyErrors: d((x) => x.edges['gateway->legacy'].errors),
    };
  });
}

describe('strangler fig: /orders moves from the monolith to the new service in steps', () => {
  const s = lazy(() => slices(migrate()));

  it('the scenario starts with all /orders on the legacy app', () => {
    const split = (nodeOf(loadScenario('strangler-fig'), 'gateway').routes as Data[]).find((r) => r.prefix === '/orders')!.to;
    expect(split).toEqual([{ service: 'legacy', weight: 100 }, { service: 'orders', weight: 0 }]);
  });

  it('each side\'s share of /orders follows the weights, step by step (5 sigma)', () => {
    s().forEach((x, k) => {
      const n = x.toNew + x.toLegacy;
      const share = STEPS[k][1] / 100;
      expect(n, `step ${k}`).toBeGreaterThan(700); // 40 rps x 20 s
      if (share === 0) expect(x.toNew, `step ${k}`).toBe(0);
      else if (share === 1) expect(Math.abs(x.toLegacy), `step ${k}`).toBeLessThanOrEqual(3);
      else expect(binomialZ(x.toNew, n, share), `step ${k}`).toBeLessThan(5);
    });
  });

  it('the other routes are untouched: all still to the legacy app, same latency, none to the new service', () => {
    const all = s();
    for (const x of all) expect(x.others).toBeGreaterThan(1500); // 80 rps x 20 s
    // Every request on gateway->orders is a buyer's: the new service never sees /catalog or /account.
    const last = all[3];
    expect(last.toLegacy).toBeGreaterThanOrEqual(-3);
    // Their mean latency per step stays within 15 % of the first step (the legacy app gets
    // less busy as orders leave it, which may only help; 15 % is well above the noise of
    // ~1,200 exponential samples, about 3 %).
    for (const x of all.slice(1)) {
      expect(x.browsersMs / all[0].browsersMs).toBeLessThan(1.15);
      expect(x.browsersMs / all[0].browsersMs).toBeGreaterThan(0.85);
      expect(x.membersMs / all[0].membersMs).toBeLessThan(1.15);
      expect(x.membersMs / all[0].membersMs).toBeGreaterThan(0.85);
    }
  });

  it('the new service is faster: the buyers\' mean latency falls step by step, in line with the mix', () => {
    const all = s();
    const legacyMs = all[0].buyersMs, newMs = all[3].buyersMs;
    // Legacy /orders: 60 ms of work; new: 20 ms. Plus 2 ms x 3 wires, 1 ms gateway, 5 ms query.
    expect(legacyMs).toBeGreaterThan(60);
    expect(newMs).toBeLessThan(40);
    expect(newMs).toBeLessThan(0.6 * legacyMs);
    for (let k = 1; k < all.length; k++) expect(all[k].buyersMs, `step ${k}`).toBeLessThan(all[k - 1].buyersMs);
    // A 75/25 or 50/50 step's mean is the weighted mix of the two ends, within 10 %.
    for (const k of [1, 2]) {
      const w = STEPS[k][1] / 100;
      expect(Math.abs(all[k].buyersMs / ((1 - w) * legacyMs + w * newMs) - 1), `step ${k}`).toBeLessThan(0.1);
    }
  });

  it('errors: the legacy app\'s 1 % of failures leave with the orders; the new service has none', () => {
    const all = s();
    for (const x of all) expect(x.newErrors).toBe(0);
    // 100/0: about 1 % of ~800 buyers fail (8 expected; 5 sigma of Binomial(800, 0.01) is 14).
    expect(binomialZ(all[0].buyersFailed, all[0].buyersAnswered, 0.01)).toBeLessThan(5);
    expect(all[0].buyersFailed).toBeGreaterThan(0);
    // 0/100: no buyer's request reaches the legacy app, so none fails.
    expect(all[3].buyersFailed).toBe(0);
    // The legacy app keeps failing the other routes at its 1 %.
    const legacyCalls = all[3].others;
    expect(binomialZ(all[3].legacyErrors, legacyCalls, 0.01)).toBeLessThan(5);
  });

  it('the same steps on two more seeds give the same shares (5 sigma)', () => {
    for (const seed of [2, 3]) {
      slices(migrate(seed)).forEach((x, k) => {
        const share = STEPS[k][1] / 100;
        if (share === 0) expect(x.toNew).toBe(0);
        else if (share === 1) expect(Math.abs(x.toLegacy)).toBeLessThanOrEqual(3);
        else expect(binomialZ(x.toNew, x.toNew + x.toLegacy, share)).toBeLessThan(5);
      });
    }
  });
});
