import { describe, expect, it } from 'vitest';
import { meanOf, note, relErr, runSeeds, SEEDS, vs } from '../helpers/theory';
import { exp, station, type StationOptions } from '../helpers/theoryScenarios';

// Utilization law U = λ·E[S]/(instances × concurrency), for any arrival process, service
// distribution and balancer, as long as nothing is rejected (unbounded waiting rooms here).
//
// 4 seeds × 2e6 simulated ms after a 20 s warm-up each (1e6 for the busy lognormal case). The
// noisiest case (1 × 1) has a relative SD of 0.24–0.34 % for the 4-seed mean (calibrations
// over 48 and 16 other seeds); the others 0.1–0.3 % (12-seed exploration at 1e6 ms).
// Tolerance 2 % (≥ 5.9 SD). The constant/constant case is deterministic: 0.1 %.
const LOGNORMAL_MEAN = 20 * Math.exp((Math.log(100 / 20) / 2.3263478740408408) ** 2 / 2);

const CASES: { name: string; o: StationOptions; meanS: number; tol: number; durationMs?: number }[] = [
  { name: '1 × 1, exponential 20 ms, 30 rps', o: { rps: 30, service: exp(20) }, meanS: 20, tol: 0.02 },
  { name: '1 × 4, exponential 40 ms, 80 rps', o: { rps: 80, service: exp(40), concurrency: 4 }, meanS: 40, tol: 0.02 },
  { name: '3 × 2, constant 25 ms, random, 120 rps', o: { rps: 120, service: 25, instances: 3, concurrency: 2, loadBalancer: 'random' }, meanS: 25, tol: 0.02 },
  { name: '2 × 3, uniform 10–50 ms, least-outstanding, 100 rps', o: { rps: 100, service: { dist: 'uniform', min: 10, max: 50 }, instances: 2, concurrency: 3, loadBalancer: 'least-outstanding' }, meanS: 30, tol: 0.02 },
  { name: '5 × 8, lognormal median 20 p99 100, power-of-two, 200 rps', o: { rps: 200, service: { dist: 'lognormal', median: 20, p99: 100 }, instances: 5, concurrency: 8, loadBalancer: 'power-of-two-choices' }, meanS: LOGNORMAL_MEAN, tol: 0.02, durationMs: 1e6 },
  { name: '1 × 1, constant arrivals 50 rps, constant 10 ms', o: { rps: 50, arrival: 'constant', service: 10 }, meanS: 10, tol: 0.001 },
];

describe('utilization = λS/c', () => {
  it.each(CASES)('$name', ({ name, o, meanS, tol, durationMs }) => {
    const reports = runSeeds(station(o), durationMs ?? 2e6, SEEDS.slice(0, 4), 2e4);
    const U = meanOf(reports, (r) => r.nodes.api.utilization).mean;
    const th = ((o.rps / 1000) * meanS) / ((o.instances ?? 1) * (o.concurrency ?? 1));
    note(`utilization ${name}`, [vs('U', U, th)]);
    expect(relErr(U, th), vs('U', U, th)).toBeLessThan(tol);
    for (const r of reports) expect(r.nodes.api.rejected).toBe(0);
  });
});
