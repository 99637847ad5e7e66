import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { meanOf, measuredMs, mm1, note, relErr, runScenario, runSeeds, SEEDS, vs } from '../helpers/theory';
import { exp, station } from '../helpers/theoryScenarios';

// Warm-up excludes the start of a run from the statistics. Step load on an M/M/1 with mean
// service 20 ms: 80 rps (ρ = 1.6, overloaded) for the first 20 s, which builds a backlog of
// about (80 − 50) × 20 = 600 requests, then 20 rps (ρ = 0.4) for the rest; the backlog drains
// in about 600/(50 − 20) = 20 s. With a 60 s warm-up the statistics must be those of an
// M/M/1 at ρ = 0.4 (W = 33.3 ms, Lq = 0.267); without it the early overload dominates.
//
// 6 seeds × 2e6 simulated ms. Calibration over 48 other seeds (80000–80047) at the same
// length, relative SD of the 6-seed mean: W 0.52 %, Lq 1.19 %, U 0.32 %, requests sent 0.24 %;
// no bias beyond its standard error (nor over 60 seeds × 1e6 ms). Tolerances ≥ 5 SD.
const SCENARIO = station({ rps: 80, service: exp(20), load: { steps: [{ atMs: 20_000, rps: 20 }] } });
const DURATION = 2e6;
const WARMUP = 60_000;

describe('warm-up excludes early statistics', () => {
  const th = mm1(0.02, 0.05);
  let warm: Report[] = [];
  let cold: Report[] = [];
  beforeAll(() => {
    warm = runSeeds(SCENARIO, DURATION, SEEDS.slice(0, 6), WARMUP);
    cold = runSeeds(SCENARIO, DURATION, SEEDS.slice(0, 6), 0);
  });

  it('with warm-up: the steady-state M/M/1 at ρ = 0.4', () => {
    const W = meanOf(warm, (r) => r.nodes.api.meanResponseMs).mean;
    const Lq = meanOf(warm, (r) => r.nodes.api.meanQueueLength).mean;
    const U = meanOf(warm, (r) => r.nodes.api.utilization).mean;
    const clientMean = meanOf(warm, (r) => r.clients.users.latencyMs.mean).mean;
    note('warm-up 60 s', [vs('W ms', W, th.W), vs('Lq', Lq, th.Lq), vs('utilization', U, 0.4), vs('client mean ms', clientMean, th.W)]);
    expect(relErr(W, th.W), vs('W', W, th.W)).toBeLessThan(0.03);
    expect(relErr(clientMean, th.W), vs('client mean', clientMean, th.W)).toBeLessThan(0.03);
    expect(relErr(Lq, th.Lq), vs('Lq', Lq, th.Lq)).toBeLessThan(0.065);
    expect(relErr(U, 0.4), vs('U', U, 0.4)).toBeLessThan(0.02);
  });

  it('with warm-up: counters start at the end of the warm-up', () => {
    for (const r of warm) {
      expect(r.warmupMs).toBe(WARMUP);
      expect(measuredMs(r)).toBe(DURATION - WARMUP);
    }
    const expected = 20 * (DURATION - WARMUP) / 1000;
    const sent = meanOf(warm, (r) => r.clients.users.sent).mean;
    const arrivals = meanOf(warm, (r) => r.nodes.api.arrivals).mean;
    expect(relErr(sent, expected), vs('sent', sent, expected)).toBeLessThan(0.012);
    expect(relErr(arrivals, sent)).toBeLessThan(1e-4);
  });

  it('without warm-up: the early overload skews every statistic', () => {
    const W = meanOf(cold, (r) => r.nodes.api.meanResponseMs).mean;
    const Lq = meanOf(cold, (r) => r.nodes.api.meanQueueLength).mean;
    const sent = meanOf(cold, (r) => r.clients.users.sent).mean;
    note('no warm-up', [vs('W ms', W, th.W), vs('Lq', Lq, th.Lq)]);
    expect(W).toBeGreaterThan(3 * th.W);
    expect(Lq).toBeGreaterThan(3 * th.Lq);
    // ~1600 extra requests from the first 20 s at 80 rps instead of 20.
    expect(sent).toBeGreaterThan(20 * DURATION / 1000 + 1000);
  });

  it('deterministic check: constant arrivals and service, the warm-up removes exactly its share', () => {
    // 10 rps evenly spaced, 30 ms constant work: every request takes exactly 30 ms.
    const r = runScenario(station({ rps: 10, arrival: 'constant', service: 30 }), 100_000, 1, 30_000);
    expect(r.clients.users.sent).toBeGreaterThanOrEqual(700);
    expect(r.clients.users.sent).toBeLessThanOrEqual(701);
    expect(r.nodes.api.meanResponseMs).toBe(30);
    expect(r.nodes.api.utilization).toBeCloseTo(0.3, 3);
    expect(r.clients.users.latencyMs.max).toBe(30);
  });
});
