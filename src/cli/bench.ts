import { createSimulation } from '../engine/simulation';
import { parseScenarioOrThrow } from '../scenario/parse';

/**
 * npm run bench: simulated requests per wall-clock second on fixed workloads. A benchmark,
 * not a test: figures go in notes, never in assertions.
 */
interface Case {
  name: string;
  requests: number;
  scenario: unknown;
}

const mm4 = (requests: number): Case => ({
  name: 'M/M/4 (1 instance x 4 workers, lambda 80/s, mean 40 ms)',
  requests,
  scenario: {
    version: 1, name: 'bench-mm4', seed: 1, durationMs: (requests / 80) * 1000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 80, arrival: 'poisson' } },
      { id: 'api', kind: 'service', instances: 1, concurrency: 4, queueCapacity: 1_000_000, serviceTimeMs: { dist: 'exponential', mean: 40 } },
    ],
    edges: [{ from: 'users', to: 'api', latencyMs: 0 }],
  },
});

const chain = (requests: number): Case => {
  const ids = ['s1', 's2', 's3', 's4', 's5'];
  return {
    name: '5-service chain (each 2 x 4 workers, mean 5 ms, 1 ms links, lambda 200/s)',
    requests,
    scenario: {
      version: 1, name: 'bench-chain', seed: 1, durationMs: (requests / 200) * 1000,
      nodes: [
        { id: 'users', kind: 'client', load: { rps: 200, arrival: 'poisson' } },
        ...ids.map((id) => ({ id, kind: 'service', instances: 2, concurrency: 4, serviceTimeMs: { dist: 'exponential', mean: 5 } })),
      ],
      edges: [{ from: 'users', to: 's1' }, ...ids.slice(1).map((id, i) => ({ from: ids[i], to: id }))],
    },
  };
};

function run(c: Case): void {
  const scenario = parseScenarioOrThrow(c.scenario);
  // One short warm-up run so the JIT has compiled the hot path before we time.
  const warm = createSimulation({ ...scenario, durationMs: Math.min(scenario.durationMs, 200_000) });
  warm.runUntil(warm.durationMs);
  const t0 = performance.now();
  const sim = createSimulation(scenario);
  sim.runUntil(scenario.durationMs);
  const wallMs = performance.now() - t0;
  const r = sim.report();
  const done = Object.values(r.clients).reduce((a, x) => a + x.ok + x.failed, 0);
  const perS = done / (wallMs / 1000);
  console.log(`${c.name}\n  ${done.toLocaleString('en-US')} requests, ${r.eventsProcessed.toLocaleString('en-US')} events in ${wallMs.toFixed(0)} ms: ${Math.round(perS).toLocaleString('en-US')} requests/s, ${Math.round(r.eventsProcessed / (wallMs / 1000)).toLocaleString('en-US')} events/s`);
}

const quick = process.argv.includes('--quick');
run(mm4(quick ? 200_000 : 2_000_000));
run(chain(quick ? 100_000 : 500_000));
