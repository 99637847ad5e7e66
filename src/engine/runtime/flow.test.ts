import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../scenario/parse';
import type { Rng } from '../core/rng';
import type { Report } from '../metrics/report';
import { createSimulation } from '../simulation';
import { pickWeighted } from './flow';

/**
 * What a request does after its own work: which calls it makes (by probability, by route
 * weight), in what order, and when it answers. Constant times and zero network latency
 * make latencies exact; shares are checked within 5 binomial standard deviations.
 */

type Data = Record<string, unknown>;

function run(obj: Data): Report {
  const sim = createSimulation(parseScenarioOrThrow(obj));
  sim.runUntil(sim.durationMs);
  return sim.report();
}

const z = (k: number, n: number, p: number) => Math.abs(k - n * p) / Math.sqrt(n * p * (1 - p));
const link = (from: string, to: string, more: Data = {}): Data => ({ from, to, latencyMs: 0, ...more });

/** users → api (1 ms), which calls b (10 ms) then c (20 ms), or both at once. */
function twoCalls(callOrder: 'sequential' | 'parallel', b: Data = {}, extra: Data = {}): Data {
  return {
    version: 1, name: 'two calls', seed: 3, durationMs: 10_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 20, arrival: 'constant' } },
      { id: 'api', kind: 'service', concurrency: 100, serviceTimeMs: 1, callOrder },
      { id: 'b', kind: 'service', concurrency: 100, serviceTimeMs: 10 },
      { id: 'c', kind: 'service', concurrency: 100, serviceTimeMs: 20 },
    ],
    edges: [link('users', 'api'), link('api', 'b', b), link('api', 'c')],
    ...extra,
  };
}

describe('the calls a request makes', () => {
  it('an edge with probability p is called in about p of the requests', () => {
    const r = run(twoCalls('sequential', { probability: 0.3 }));
    const sent = r.edges['users->api'].calls;
    expect(sent).toBeGreaterThan(150);
    expect(z(r.edges['api->b'].calls, sent, 0.3)).toBeLessThan(5);
    expect(r.edges['api->b'].calls).toBeGreaterThan(0);
    // The other edge, probability 1, is called by every request (but the last, still at api's own work).
    expect(sent - r.edges['api->c'].calls).toBeGreaterThanOrEqual(0);
    expect(sent - r.edges['api->c'].calls).toBeLessThanOrEqual(1);
  });

  it('sequential calls add up; parallel ones take as long as the slowest', () => {
    expect(run(twoCalls('sequential')).clients.users.latencyMs.max).toBe(1 + 10 + 20);
    const par = run(twoCalls('parallel')).clients.users.latencyMs;
    expect(par.p50).toBe(1 + 20);
    expect(par.max).toBe(1 + 20);
  });

  it('a failed call ends a sequence: the calls after it are never made, and the caller fails', () => {
    const broken = { faults: [{ kind: 'error', target: 'b', rate: 1 }] };
    const seq = run(twoCalls('sequential', {}, broken));
    expect(seq.edges['api->b'].calls).toBeGreaterThan(150);
    expect(seq.edges['api->c'].calls).toBe(0);
    expect(seq.clients.users.ok).toBe(0);
    expect(seq.clients.users.failedBy.error).toBe(seq.clients.users.failed);
    // The user learns of it when b answers, not after c.
    expect(seq.clients.users.failedLatencyMs.max).toBe(11);
    // In a fan-out the calls are already out: c is called, and the request fails at b's answer.
    const par = run(twoCalls('parallel', {}, broken));
    expect(par.edges['api->c'].calls).toBe(par.edges['api->b'].calls);
    expect(par.clients.users.ok).toBe(0);
    expect(par.clients.users.failedLatencyMs.max).toBe(11);
  });
});

describe('a gateway route', () => {
  it('splits its requests by the weights given', () => {
    const r = run({
      version: 1, name: 'split', seed: 5, durationMs: 20_000,
      nodes: [
        { id: 'users', kind: 'client', load: { rps: 100 } },
        { id: 'gw', kind: 'gateway', concurrency: 100, routes: [{ prefix: '/', to: [{ service: 'v1', weight: 75 }, { service: 'v2', weight: 25 }] }] },
        { id: 'v1', kind: 'service', concurrency: 100, serviceTimeMs: 1 },
        { id: 'v2', kind: 'service', concurrency: 100, serviceTimeMs: 1 },
      ],
      edges: [link('users', 'gw'), link('gw', 'v1'), link('gw', 'v2')],
    });
    const v1 = r.edges['gw->v1'].calls, v2 = r.edges['gw->v2'].calls;
    // Each request goes to exactly one of them.
    expect(v1 + v2).toBe(r.edges['users->gw'].calls);
    expect(v1 + v2).toBeGreaterThan(1500);
    expect(z(v1, v1 + v2, 0.75)).toBeLessThan(5);
  });
});

describe('pickWeighted', () => {
  /** A generator that returns the given draws in turn and counts them. */
  function draws(...us: number[]): Rng & { used: number } {
    return { used: 0, next() { return us[this.used++]; } } as Rng & { used: number };
  }
  const ids = Int32Array.from([10, 20, 30]);
  const cum = Float64Array.from([1, 3, 6]);

  it('picks each id over its share of the cumulative weight', () => {
    expect(pickWeighted(ids, cum, draws(0))).toBe(10);
    expect(pickWeighted(ids, cum, draws(0.16))).toBe(10);
    expect(pickWeighted(ids, cum, draws(0.17))).toBe(20);
    expect(pickWeighted(ids, cum, draws(0.49))).toBe(20);
    expect(pickWeighted(ids, cum, draws(0.5))).toBe(30);
    expect(pickWeighted(ids, cum, draws(0.999))).toBe(30);
  });

  it('draws no random number when there is no choice', () => {
    const rng = draws(0.9);
    expect(pickWeighted(Int32Array.from([7]), Float64Array.from([1]), rng)).toBe(7);
    expect(pickWeighted(ids, null, rng)).toBe(10);
    expect(rng.used).toBe(0);
  });
});
