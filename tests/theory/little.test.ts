import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { meanInSystem, measuredMs, mm1, note, relErr, runScenario, runSeeds, SEEDS, vs } from '../helpers/theory';
import { chain, exp, type ChainNode } from '../helpers/theoryScenarios';

// Little's law L = λW at every node of a tandem users → A → B → C (each calls the next and
// holds its worker until the answer), zero network latency.
//
// From the report: λ = arrivals / measured time, W = meanResponseMs (arrival to answer,
// including the time waiting for downstream calls), and L = mean requests at the node =
// waiting (meanQueueLength) + held by a worker (utilization × instances × concurrency, since
// utilization is busy worker time over worker time).
//
// Little's law is a sample-path identity, so the only error is from requests present at the
// edges of the measured window (and the report's 4-decimal rounding). Over 12 seeds × 1e6 ms
// the ratio L/(λW) stayed within 0.03 % of 1; tolerance 0.5 %.
const NODES: ChainNode[] = [
  { id: 'A', service: exp(5), instances: 1, concurrency: 2 },
  { id: 'B', service: exp(10), instances: 2, concurrency: 1 },
  { id: 'C', service: exp(20), instances: 1, concurrency: 1 },
];

function littleRatio(r: Report, n: ChainNode): { L: number; lambdaW: number } {
  const L = meanInSystem(r, n.id, n.instances ?? 1, n.concurrency ?? 1);
  const lambda = r.nodes[n.id].arrivals / measuredMs(r);
  return { L, lambdaW: lambda * r.nodes[n.id].meanResponseMs };
}

describe("Little's law on a tandem of services", () => {
  let reports: Report[] = [];
  beforeAll(() => {
    reports = runSeeds(chain(20, NODES), 2e6, SEEDS.slice(0, 3), 2e4);
    note("Little's law (L vs λW)", reports.flatMap((r) => NODES.map((n) => {
      const x = littleRatio(r, n);
      return vs(`seed ${r.seed} ${n.id}`, x.L, x.lambdaW);
    })));
  });

  it.each(NODES.map((n) => n.id))('L = λW at node %s', (id) => {
    const n = NODES.find((x) => x.id === id)!;
    for (const r of reports) {
      const { L, lambdaW } = littleRatio(r, n);
      expect(relErr(L, lambdaW), vs(`seed ${r.seed} node ${id}`, L, lambdaW)).toBeLessThan(0.005);
    }
  });

  it("each caller's response contains its callee's: W_A > W_B > W_C, and the client sees W_A", () => {
    for (const r of reports) {
      expect(r.nodes.A.meanResponseMs).toBeGreaterThan(r.nodes.B.meanResponseMs + 5 * 0.9);
      expect(r.nodes.B.meanResponseMs).toBeGreaterThan(r.nodes.C.meanResponseMs + 10 * 0.9);
      expect(relErr(r.clients.users.latencyMs.mean, r.nodes.A.meanResponseMs)).toBeLessThan(1e-3);
    }
  });
});

// The same tandem where A and B have so many workers that they never queue: then only C
// queues (an M/M/1 at λ), W_B = S_B + W_C and W_A = S_A + W_B, and A's utilization is
// λ·W_A/workers. 4 seeds × 2e6 ms after a 20 s warm-up. Calibration over 48 other seeds
// (80000–80047) at the same length, relative SD of the 4-seed mean: W_C 0.60 %, W_A 0.42 %,
// U_A 0.56 %; no bias beyond its standard error. Tolerance 3.5 % (≥ 5.6 SD).
describe('tandem where only the last node queues', () => {
  const th = mm1(0.02, 1 / 20);
  const WC = th.W, WB = 10 + WC, WA = 5 + WB;
  const deep: ChainNode[] = [
    { id: 'A', service: exp(5), concurrency: 50 },
    { id: 'B', service: exp(10), concurrency: 50 },
    { id: 'C', service: exp(20), concurrency: 1 },
  ];
  let reports: Report[] = [];
  beforeAll(() => {
    reports = SEEDS.slice(0, 4).map((s) => runScenario(chain(20, deep), 2e6, s, 2e4));
  });

  it('W_C = 1/(μ − λ), W_B = S_B + W_C, W_A = S_A + W_B', () => {
    const mean = (f: (r: Report) => number) => reports.reduce((a, r) => a + f(r), 0) / reports.length;
    const got = { A: mean((r) => r.nodes.A.meanResponseMs), B: mean((r) => r.nodes.B.meanResponseMs), C: mean((r) => r.nodes.C.meanResponseMs) };
    note('tandem, only C queues', [vs('W_A ms', got.A, WA), vs('W_B ms', got.B, WB), vs('W_C ms', got.C, WC)]);
    expect(relErr(got.C, WC), vs('W_C', got.C, WC)).toBeLessThan(0.035);
    expect(relErr(got.B, WB), vs('W_B', got.B, WB)).toBeLessThan(0.035);
    expect(relErr(got.A, WA), vs('W_A', got.A, WA)).toBeLessThan(0.035);
    const UA = mean((r) => r.nodes.A.utilization);
    expect(relErr(UA, (0.02 * WA) / 50), vs('U_A', UA, (0.02 * WA) / 50)).toBeLessThan(0.035);
    for (const r of reports) expect(r.nodes.A.meanQueueLength + r.nodes.B.meanQueueLength).toBeLessThan(1e-3);
  });
});
