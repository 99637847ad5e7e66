import { beforeAll, describe, expect, it } from 'vitest';
import { meanOf, mm1, note, relErr, runSeeds, SEEDS, vs } from '../helpers/theory';
import { chain, exp } from '../helpers/theoryScenarios';

// A synchronous call with probability p: users → front → back (p), zero network latency.
// front does 10 ms of constant work on one of 64 workers (it never queues: about 2 workers
// are busy on average), then calls back with probability p and holds its worker until back
// answers. back is one worker with exponential service of mean 20 ms, so it is an M/M/1 at
// rate pλ (a Bernoulli thinning of a Poisson stream is Poisson):
//   W_back = 1/(μ − pλ),   W_front = 10 + p·W_back,   busy front workers = λ·W_front.
//
// 6 seeds × 2e6 simulated ms (100 k requests each) after a 20 s warm-up. Calibration over 48
// other seeds (80000–80047) at the same length, relative SD of the 6-seed mean (p = 0.6 / 0.3;
// the larger of this and a 16-seed calibration): W_front 0.46 % / 0.28 %, W_back 0.61 % /
// 0.44 %, share calling back 0.10 % / 0.27 %, U_back 0.21 % / 0.44 %, U_front 0.50 % / 0.34 %;
// no bias beyond its standard error. Tolerances ≥ 5 SD.
const RPS = 50;
const FRONT_S = 10;
const BACK_S = 20;
const FRONT_WORKERS = 64;

describe.each([
  { p: 0.6, tolFront: 0.024, tolBack: 0.032 },
  { p: 0.3, tolFront: 0.015, tolBack: 0.022 },
])('sync call with probability $p to an M/M/1', ({ p, tolFront, tolBack }) => {
  const lambda = RPS / 1000;
  const back = mm1(p * lambda, 1 / BACK_S);
  const frontW = FRONT_S + p * back.W;
  let Wf = 0, Wb = 0, share = 0, Uf = 0, Ub = 0, frontQueue = 0, clientMean = 0;
  beforeAll(() => {
    const reports = runSeeds(
      chain(RPS, [{ id: 'front', service: FRONT_S, concurrency: FRONT_WORKERS }, { id: 'back', service: exp(BACK_S), probability: p }]),
      2e6, SEEDS.slice(0, 6), 2e4,
    );
    Wf = meanOf(reports, (r) => r.nodes.front.meanResponseMs).mean;
    Wb = meanOf(reports, (r) => r.nodes.back.meanResponseMs).mean;
    share = meanOf(reports, (r) => r.nodes.back.arrivals / r.nodes.front.arrivals).mean;
    Uf = meanOf(reports, (r) => r.nodes.front.utilization).mean;
    Ub = meanOf(reports, (r) => r.nodes.back.utilization).mean;
    frontQueue = Math.max(...reports.map((r) => r.nodes.front.meanQueueLength));
    clientMean = meanOf(reports, (r) => r.clients.users.latencyMs.mean).mean;
    note(`sync call p=${p}`, [vs('W front ms', Wf, frontW), vs('W back ms', Wb, back.W), vs('share calling back', share, p), vs('front utilization', Uf, (lambda * frontW) / FRONT_WORKERS), vs('back utilization', Ub, back.rho)]);
  });

  it('the callee is an M/M/1 at rate pλ', () => {
    expect(relErr(share, p), vs('share', share, p)).toBeLessThan(0.015);
    expect(relErr(Wb, back.W), vs('W back', Wb, back.W)).toBeLessThan(tolBack);
    expect(relErr(Ub, back.rho), vs('U back', Ub, back.rho)).toBeLessThan(0.022);
  });

  it("caller's response = its own time + p × callee sojourn", () => {
    expect(frontQueue).toBeLessThan(1e-3);
    expect(relErr(Wf, frontW), vs('W front', Wf, frontW)).toBeLessThan(tolFront);
    expect(relErr(clientMean, Wf)).toBeLessThan(1e-3);
  });

  it('the caller holds its worker while it waits: utilization = λ·W_front/workers', () => {
    const th = (lambda * frontW) / FRONT_WORKERS;
    expect(relErr(Uf, th), vs('U front', Uf, th)).toBeLessThan(0.025);
  });
});
