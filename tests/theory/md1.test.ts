import { beforeAll, describe, expect, it } from 'vitest';
import { md1, meanOf, mm1, note, relErr, runSeeds, SEEDS, vs } from '../helpers/theory';
import { exp, station } from '../helpers/theoryScenarios';

// M/D/1: Poisson λ = 40/s, constant service 20 ms (ρ = 0.8). Pollaczek–Khinchine with
// Cs = 0: Wq = ρ/(2μ(1 − ρ)) = 40 ms, half of M/M/1's 80 ms at the same ρ.
//
// 8 seeds × 4e6 simulated ms (160 k requests each) after a 20 s warm-up, for both M/D/1 and
// M/M/1. Calibration over 48 other seeds (80000–80047) at the same length (relative SD of one
// run → of the 8-seed mean): M/D/1 Wq 1.8 % → 0.63 %, Lq 2.0 % → 0.70 % (16 seeds: 0.78 %,
// 0.88 %); M/M/1 Wq 2.9 % → 1.04 %; so the ratio of the two ≈ 1.3 %. No bias beyond its
// standard error. Tolerances: Wq 4 %, Lq 4.5 %, M/M/1 Wq 5.5 %, ratio 6.5 % (≥ 5 SD).
const S = 20;
const RPS = 40;

describe('M/D/1: constant service halves the M/M/1 wait', () => {
  const th = md1(RPS / 1000, 1 / S);
  const thExp = mm1(RPS / 1000, 1 / S);
  let Wq = 0, Lq = 0, WqExp = 0;
  beforeAll(() => {
    const det = runSeeds(station({ rps: RPS, service: S }), 4e6, SEEDS.slice(0, 8), 2e4);
    const mm = runSeeds(station({ rps: RPS, service: exp(S) }), 4e6, SEEDS.slice(0, 8), 2e4);
    // Service is exactly S, so the mean wait is the mean response minus S.
    Wq = meanOf(det, (r) => r.nodes.api.meanResponseMs).mean - S;
    Lq = meanOf(det, (r) => r.nodes.api.meanQueueLength).mean;
    WqExp = meanOf(mm, (r) => r.nodes.api.meanResponseMs).mean - S;
    note('M/D/1', [vs('Wq ms', Wq, th.Wq), vs('Lq', Lq, th.Lq), vs('Wq(M/D/1)/Wq(M/M/1)', Wq / WqExp, 0.5), vs('Wq M/M/1 ms', WqExp, thExp.Wq)]);
  });

  it('Wq = ρ/(2μ(1 − ρ))', () => {
    expect(relErr(Wq, th.Wq), vs('Wq', Wq, th.Wq)).toBeLessThan(0.04);
  });

  it('Lq = ρ²/(2(1 − ρ))', () => {
    expect(relErr(Lq, th.Lq), vs('Lq', Lq, th.Lq)).toBeLessThan(0.045);
  });

  it('the wait is half of M/M/1 at the same load', () => {
    expect(relErr(WqExp, thExp.Wq), vs('Wq M/M/1', WqExp, thExp.Wq)).toBeLessThan(0.055);
    expect(relErr(Wq / WqExp, 0.5), vs('ratio', Wq / WqExp, 0.5)).toBeLessThan(0.065);
  });
});
