import { describe, expect, it } from 'vitest';
import { erlangB, meanOf, note, relErr, runSeeds, SEEDS, vs } from '../helpers/theory';
import { exp, station, type Dist } from '../helpers/theoryScenarios';

// M/G/c/c, the Erlang loss system: one instance with c = 4 workers and no waiting room
// (queueCapacity 0), so an arrival that finds every worker busy is rejected. λ = 75/s, mean
// service 40 ms: a = 3 Erlang, B(4, 3) = 0.2061. Erlang's formula is insensitive to the service
// distribution beyond its mean, so exponential, constant and lognormal service (all mean
// 40 ms) must block the same share.
//
// 4 seeds × 1.5e6 simulated ms (≈ 110 k arrivals each) after a 20 s warm-up. Calibration over
// 16 other seeds at 2e6 ms: relative SD of the 4-seed mean 0.30–0.41 % (≤ 0.48 % at 1.5e6);
// no bias beyond its standard error. Tolerance 2.5 % (≥ 5 SD).
const Z99 = 2.3263478740408408;
const SIGMA = Math.log(5) / Z99;
const LN_MEDIAN = 40 / Math.exp((SIGMA * SIGMA) / 2);

describe('Erlang B: c workers, no waiting room', () => {
  const B = erlangB(4, 3);
  const cases: { name: string; service: Dist }[] = [
    { name: 'exponential', service: exp(40) },
    { name: 'constant', service: 40 },
    { name: 'lognormal (p99/median = 5)', service: { dist: 'lognormal', median: LN_MEDIAN, p99: 5 * LN_MEDIAN } },
  ];
  it.each(cases)('$name service: rejected/arrivals = B(4, 3)', ({ name, service }) => {
    const reports = runSeeds(station({ rps: 75, service, concurrency: 4, queueCapacity: 0 }), 1.5e6, SEEDS.slice(0, 4), 2e4);
    const blocked = meanOf(reports, (r) => r.nodes.api.rejected / r.nodes.api.arrivals).mean;
    const U = meanOf(reports, (r) => r.nodes.api.utilization).mean;
    const uTheory = (3 * (1 - B)) / 4; // carried load / servers
    note(`Erlang B, ${name}`, [vs('P_block', blocked, B), vs('utilization', U, uTheory)]);
    expect(relErr(blocked, B), vs('P_block', blocked, B)).toBeLessThan(0.025);
    expect(relErr(U, uTheory), vs('U', U, uTheory)).toBeLessThan(0.02);
    for (const r of reports) expect(r.nodes.api.meanQueueLength).toBe(0);
  });
});
