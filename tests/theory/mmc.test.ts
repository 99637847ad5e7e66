import { beforeAll, describe, expect, it } from 'vitest';
import { meanOf, mmc, note, relErr, runSeeds, SEEDS, vs } from '../helpers/theory';
import { exp, station } from '../helpers/theoryScenarios';

// M/M/c as one instance with c = 4 workers sharing its FIFO waiting room: λ = 80/s,
// exponential service of mean 40 ms, so a = λ/μ = 3.2 Erlang, ρ = 0.8, Erlang C = 0.5964.
//
// 8 seeds × 4e6 simulated ms (320 k requests each) after a 20 s warm-up. Calibration over 48
// other seeds (80000–80047) at the same length (relative SD of one run → of the 8-seed mean):
// W 0.96 % → 0.34 %, Wq 2.3 % → 0.79 %, Lq 2.2 % → 0.79 %, U 0.30 % → 0.11 %; no bias beyond
// its standard error. Tolerances: W 2.5 %, Wq and Lq 6 %, U 1 % (≥ 7 SD).
const C = 4;
const MEAN_S = 40;
const RPS = 80;

describe('M/M/c (Erlang C): one instance, 4 workers, ρ = 0.8', () => {
  const th = mmc(RPS / 1000, 1 / MEAN_S, C);
  let W = 0, Wq = 0, Lq = 0, U = 0;
  beforeAll(() => {
    const reports = runSeeds(station({ rps: RPS, service: exp(MEAN_S), concurrency: C }), 4e6, SEEDS.slice(0, 8), 2e4);
    W = meanOf(reports, (r) => r.nodes.api.meanResponseMs).mean;
    // Service is exponential and independent of the wait, so mean wait = W − E[S].
    Wq = W - MEAN_S;
    Lq = meanOf(reports, (r) => r.nodes.api.meanQueueLength).mean;
    U = meanOf(reports, (r) => r.nodes.api.utilization).mean;
    note('M/M/4', [`Erlang C = ${th.pWait.toFixed(5)}`, vs('W ms', W, th.W), vs('Wq ms', Wq, th.Wq), vs('Lq', Lq, th.Lq), vs('utilization', U, th.rho)]);
  });

  it('W = C(c,a)/(cμ − λ) + 1/μ', () => {
    expect(relErr(W, th.W), vs('W', W, th.W)).toBeLessThan(0.025);
  });

  it('Wq = C(c,a)/(cμ − λ)', () => {
    expect(relErr(Wq, th.Wq), vs('Wq', Wq, th.Wq)).toBeLessThan(0.06);
  });

  it('Lq = C(c,a)·ρ/(1 − ρ), and Little (Lq = λWq) within the same run', () => {
    expect(relErr(Lq, th.Lq), vs('Lq', Lq, th.Lq)).toBeLessThan(0.06);
    expect(relErr(Lq, (RPS / 1000) * Wq)).toBeLessThan(0.02);
  });

  it('utilization = λ/(cμ)', () => {
    expect(relErr(U, th.rho), vs('U', U, th.rho)).toBeLessThan(0.01);
  });
});
