import { beforeAll, describe, expect, it } from 'vitest';
import { meanOf, measuredMs, mm1k, note, relErr, runSeeds, SEEDS, vs } from '../helpers/theory';
import { exp, station } from '../helpers/theoryScenarios';

// M/M/1/K blocking: one worker and queueCapacity = K − 1, so at most K = 5 requests are at
// the instance; an arrival that finds it full is rejected. Exponential service of mean 20 ms;
// λ = 45/s (ρ = 0.9) and 60/s (ρ = 1.2: overloaded yet stable, as the room is finite).
// By PASTA the share of arrivals rejected is P_K.
//
// 6 seeds × 2e6 simulated ms (90 k – 120 k arrivals each) after a 20 s warm-up. Calibration
// over 48 other seeds (80000–80047) at the same length, relative SD of the 6-seed mean
// (ρ = 0.9 / 1.2): P_block 0.72 % / 0.38 %, throughput 0.11 % / 0.11 %, W 0.30 % / 0.25 %,
// Lq 0.40 % / 0.25 %, U 0.15 % / 0.09 %; no bias beyond its standard error. Tolerances ≥ 5 SD.
const K = 5;
const S = 20;

describe.each([
  { rho: 0.9, tolBlock: 0.04 },
  { rho: 1.2, tolBlock: 0.025 },
])('M/M/1/K with K = 5 at ρ = $rho', ({ rho, tolBlock }) => {
  const rps = (rho / S) * 1000;
  const th = mm1k(rps / 1000, 1 / S, K);
  let pBlock = 0, throughput = 0, W = 0, Lq = 0, U = 0;
  beforeAll(() => {
    const reports = runSeeds(station({ rps, service: exp(S), queueCapacity: K - 1 }), 2e6, SEEDS.slice(0, 6), 2e4);
    pBlock = meanOf(reports, (r) => r.nodes.api.rejected / r.nodes.api.arrivals).mean;
    // Completions per ms (the report's throughput is rounded per second).
    throughput = meanOf(reports, (r) => r.nodes.api.completed / measuredMs(r)).mean;
    W = meanOf(reports, (r) => r.nodes.api.meanResponseMs).mean;
    Lq = meanOf(reports, (r) => r.nodes.api.meanQueueLength).mean;
    U = meanOf(reports, (r) => r.nodes.api.utilization).mean;
    note(`M/M/1/5 ρ=${rho}`, [vs('P_block', pBlock, th.pBlock), vs('throughput /s', throughput * 1000, th.throughput * 1000), vs('W ms', W, th.W), vs('Lq', Lq, th.Lq), vs('utilization', U, th.utilization)]);
  });

  it('P_block = rejected/arrivals = P_K = (1−ρ)ρᴷ/(1−ρᴷ⁺¹)', () => {
    expect(relErr(pBlock, th.pBlock), vs('P_block', pBlock, th.pBlock)).toBeLessThan(tolBlock);
  });

  it('throughput = λ(1 − P_K), and utilization = throughput/μ', () => {
    expect(relErr(throughput, th.throughput), vs('throughput', throughput, th.throughput)).toBeLessThan(0.01);
    expect(relErr(U, th.utilization), vs('U', U, th.utilization)).toBeLessThan(0.01);
  });

  it('admitted requests: W = L/(λ(1 − P_K)) and Lq = L − (1 − P_0)', () => {
    expect(relErr(W, th.W), vs('W', W, th.W)).toBeLessThan(0.016);
    expect(relErr(Lq, th.Lq), vs('Lq', Lq, th.Lq)).toBeLessThan(0.022);
  });
});
