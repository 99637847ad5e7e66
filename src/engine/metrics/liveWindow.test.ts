import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../scenario/parse';
import { createSimulation } from '../simulation';
import type { Snapshot } from './snapshot';
import { LIVE_WINDOW_S } from './liveWindow';

const RPS = 50;
/** A steady Poisson client, a service that fails 15 % of its requests, and a healthy one behind a gateway. */
const steady = parseScenarioOrThrow({
  version: 1, name: 'steady', seed: 11, durationMs: 120_000, warmupMs: 10_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: RPS, arrival: 'poisson' } },
    { id: 'edge', kind: 'gateway', concurrency: 64 },
    { id: 'api', kind: 'service', instances: 2, concurrency: 4, serviceTimeMs: { dist: 'exponential', mean: 10 } },
  ],
  edges: [{ from: 'users', to: 'edge' }, { from: 'edge', to: 'api' }],
  faults: [{ kind: 'error', target: 'api', atMs: 0, durationMs: 120_000, rate: 0.15 }],
});

/** Moments to read the live numbers at: uneven, so they fall anywhere in a second. */
const READ_AT = Array.from({ length: 40 }, (_, i) => 7_000 + i * 1_337);

/**
 * Runs to each reading time in slices of `sliceMs`, taking a snapshot every `every` slices as
 * the worker does, and returns the snapshot taken at each reading time (a pause).
 */
function readings(sliceMs: number, every: number, twice = false): Snapshot[] {
  const sim = createSimulation(steady);
  const out: Snapshot[] = [];
  let slices = 0;
  for (const at of READ_AT) {
    while (sim.now() < at) {
      sim.runUntil(Math.min(at, sim.now() + sliceMs));
      if (++slices % every === 0) sim.snapshot();
    }
    // A pause right after a snapshot: the picture it posts covers no time of its own.
    if (twice) sim.snapshot();
    out.push(sim.snapshot());
  }
  return out;
}

const live = (s: Snapshot) => ({
  clientRps: s.clients.users.rps, clientErr: s.clients.users.errorRate,
  nodeRps: s.nodes.api.arrivalsPerS, nodeErr: s.nodes.api.errorRate, nodeOwn: s.nodes.api.ownErrorRate,
  gatewayErr: s.nodes.edge.errorRate, gatewayOwn: s.nodes.edge.ownErrorRate,
  edgeRps: s.edges['edge->api'].callsPerS, edgeErr: s.edges['edge->api'].errorRate, edgeP99: s.edges['edge->api'].p99Ms,
});

describe('live numbers cover a fixed stretch of simulated time', () => {
  const at1x = readings(16, 6);
  const fast = readings(250, 1);
  const paused = readings(3, 33, true);

  it('a steady 50 rps client reads within 30 % of its rate at every pause, on the canvas and its calls', () => {
    for (const s of [...at1x, ...fast, ...paused]) {
      const v = live(s);
      for (const rate of [v.clientRps, v.nodeRps, v.edgeRps]) {
        expect(rate, `at ${s.tMs} ms`).toBeGreaterThan(RPS * 0.7);
        expect(rate, `at ${s.tMs} ms`).toBeLessThan(RPS * 1.3);
      }
    }
  });

  it('error rates read the injected 15 %, not a burst of the last tenth of a second', () => {
    for (const s of [...at1x, ...fast, ...paused]) {
      const v = live(s);
      for (const err of [v.clientErr, v.nodeErr, v.edgeErr]) expect(Math.abs(err - 0.15), `at ${s.tMs} ms`).toBeLessThan(0.08);
    }
  });

  it('the same simulated time gives the same numbers, however the run was sliced and whenever the page asked', () => {
    expect(fast.map(live)).toEqual(at1x.map(live));
    expect(paused.map(live)).toEqual(at1x.map(live));
  });

  it('p99 of a call is the last whole second, never a blank for a picture that covered no time', () => {
    for (const s of paused) expect(live(s).edgeP99).toBeGreaterThan(0);
  });

  it('tells errors made here from errors passed on: the gateway only forwards what the service fails', () => {
    const v = live(at1x[at1x.length - 1]);
    expect(v.nodeOwn).toBeCloseTo(v.nodeErr, 10);
    expect(v.gatewayErr).toBeGreaterThan(0.07);
    expect(v.gatewayOwn).toBe(0);
  });

  it('the window is a few seconds: a rate change shows in full within it', () => {
    const sim = createSimulation(steady);
    sim.runUntil(20_000);
    sim.apply({ type: 'setRps', node: 'users', rps: 200 });
    sim.runUntil(20_000 + (LIVE_WINDOW_S + 1) * 1000);
    expect(sim.snapshot().clients.users.rps).toBeGreaterThan(200 * 0.8);
  });
});
