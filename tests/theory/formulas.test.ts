import { describe, expect, it } from 'vitest';
import {
  dispatchMeans, erlangB, erlangC, erlangCDirect, erlangKSigma, finiteSource, gim1, kingmanWq, md1, mg1, mm1, mm1k, mm1kClosedFormL, mmc,
  roundRobinErlangK,
} from '../helpers/theory';

// The formula helpers checked against each other and against textbook values before the
// simulator is checked against them. Pure arithmetic: tolerances are rounding only.
describe('queueing formula helpers', () => {
  it('M/M/1 and M/M/c with c = 1 agree; Little holds inside each', () => {
    const a = mm1(0.04, 0.05);
    expect(a.W).toBeCloseTo(100, 9);
    expect(a.Lq).toBeCloseTo(3.2, 9);
    const b = mmc(0.04, 0.05, 1);
    expect(b.W).toBeCloseTo(a.W, 9);
    expect(b.Lq).toBeCloseTo(a.Lq, 9);
    expect(b.pWait).toBeCloseTo(0.8, 12);
    expect(a.L).toBeCloseTo(0.04 * a.W, 9);
  });

  it('Erlang C by recursion equals the textbook sum, and matches a known value', () => {
    for (const [c, a] of [[1, 0.5], [2, 1.5], [4, 3.2], [10, 8], [30, 27]] as const) {
      expect(erlangC(c, a)).toBeCloseTo(erlangCDirect(c, a), 12);
    }
    // Erlang B(10 servers, 5 Erlang) = 0.018384 (standard tables).
    expect(erlangB(10, 5)).toBeCloseTo(0.018384, 5);
    // M/M/4 at a = 3.2: C = 0.59643, Wq = C/(cμ − λ) with μ = 1/40 ms, λ = 0.08/ms.
    expect(erlangC(4, 3.2)).toBeCloseTo(0.596432, 5);
    expect(mmc(0.08, 1 / 40, 4).Wq).toBeCloseTo(0.596432 / 0.02, 2);
  });

  it('M/D/1 is P-K with Cs² = 0 and waits half of M/M/1; P-K with Cs² = 1 is M/M/1', () => {
    const d = md1(0.04, 0.05);
    expect(d.Wq).toBeCloseTo(mg1(0.04, 20, 0).Wq, 9);
    expect(d.Wq / mm1(0.04, 0.05).Wq).toBeCloseTo(0.5, 12);
    expect(mg1(0.04, 20, 1).W).toBeCloseTo(mm1(0.04, 0.05).W, 9);
    expect(kingmanWq(0.04, 20, 1, 1)).toBeCloseTo(mm1(0.04, 0.05).Wq, 9);
  });

  it('M/M/1/K: probabilities sum to 1, L matches the closed form, large K tends to M/M/1', () => {
    for (const rho of [0.5, 0.9, 1.2]) {
      const q = mm1k(rho, 1, 5);
      expect(q.p.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
      expect(q.L).toBeCloseTo(mm1kClosedFormL(rho, 5), 9);
      expect(q.throughput).toBeCloseTo(q.utilization * 1, 12); // departures = μ·P(busy)
    }
    expect(mm1k(1, 1, 4).pBlock).toBeCloseTo(0.2, 12);
    expect(mm1k(0.04, 0.05, 400).W).toBeCloseTo(mm1(0.04, 0.05).W, 6);
  });

  it('GI/M/1: Poisson arrivals (k = 1) give σ = ρ, i.e. M/M/1', () => {
    const sigma = erlangKSigma(1, 0.04, 0.05);
    expect(sigma).toBeCloseTo(0.8, 10);
    expect(gim1(sigma, 0.04, 0.05).W).toBeCloseTo(100, 6);
    // Round-robin over 4 queues at ρ = 0.8 sits between M/M/4 and 4 × M/M/1.
    const rr = roundRobinErlangK(0.08, 1 / 40, 4);
    expect(rr.W).toBeGreaterThan(mmc(0.08, 1 / 40, 4).W);
    expect(rr.W).toBeLessThan(mm1(0.02, 1 / 40).W);
    // σ solves its equation.
    expect(rr.sigma).toBeCloseTo((0.08 / (0.08 + (1 / 40) * (1 - rr.sigma))) ** 4, 12);
  });

  it('dispatch CTMC: one server is M/M/1/cap; random over k is M/M/1/cap at λ/k', () => {
    expect(dispatchMeans('join-shortest', 0.02, 1 / 40, 1, 40).W).toBeCloseTo(mm1k(0.02, 1 / 40, 40).W, 6);
    expect(dispatchMeans('random', 0.04, 1 / 40, 2, 30).W).toBeCloseTo(mm1k(0.02, 1 / 40, 30).W, 6);
    // Two servers under join-shortest: better than random, no better than M/M/2.
    const jsq = dispatchMeans('join-shortest', 0.04, 1 / 40, 2, 40).W;
    expect(jsq).toBeGreaterThan(mmc(0.04, 1 / 40, 2).W);
    expect(jsq).toBeLessThan(mm1(0.02, 1 / 40).W);
  });

  it('finite source: one user never waits; many slow thinkers approach M/M/1', () => {
    expect(finiteSource(1, 200, 20).R).toBeCloseTo(20, 9);
    // N users thinking Z each offer about N/(Z + R) requests per ms.
    const f = finiteSource(2000, 2000 * 40 - 20, 20); // ≈ 0.025/ms offered → ρ ≈ 0.5
    expect(f.R).toBeCloseTo(mm1(0.025, 0.05).W, 0);
    // Two workers: utilization is busy/2 and X = busy/S.
    const g = finiteSource(25, 300, 20, 2);
    expect(g.X).toBeCloseTo((2 * g.utilization) / 20, 12);
  });
});
