import { describe, expect, it } from 'vitest';
import { meanOf, mm1, note, relErr, runSeeds, SEEDS, vs } from '../helpers/theory';
import { exp } from '../helpers/theoryScenarios';

// Network latency is paid each way and is not part of the node's own response time:
// client latency = 2 × E[latency] + W(node). users → api (M/M/1, λ = 25/s, mean 20 ms:
// W = 40 ms) over an edge with exponential latency of mean 3 ms each way.
//
// 4 seeds × 1e6 simulated ms after a 20 s warm-up. The difference client − node is the mean
// of ≈ 2 × 25 k exponential latencies: relative SD ≈ 1/√(4 × 50 k) ≈ 0.22 % plus rounding;
// tolerance 1.5 %. W itself: SD of the 4-seed mean ≈ 1.2 % (12-seed exploration); tolerance 5 %.
describe('network latency each way', () => {
  it('client latency = node response + 2 × mean latency; the node is still an M/M/1', () => {
    const scenario = {
      version: 1,
      name: 'latency',
      nodes: [
        { id: 'users', kind: 'client', load: { rps: 25 } },
        { id: 'api', kind: 'service', instances: 1, concurrency: 1, queueCapacity: 1_000_000, serviceTimeMs: exp(20) },
      ],
      edges: [{ from: 'users', to: 'api', latencyMs: exp(3) }],
    };
    const reports = runSeeds(scenario, 1e6, SEEDS.slice(0, 4), 2e4);
    const W = meanOf(reports, (r) => r.nodes.api.meanResponseMs).mean;
    const net = meanOf(reports, (r) => r.clients.users.latencyMs.mean - r.nodes.api.meanResponseMs).mean;
    const th = mm1(0.025, 0.05).W;
    note('network latency', [vs('client − node ms', net, 6), vs('W ms', W, th)]);
    expect(relErr(net, 6), vs('client − node', net, 6)).toBeLessThan(0.015);
    expect(relErr(W, th), vs('W', W, th)).toBeLessThan(0.05);
  });
});
