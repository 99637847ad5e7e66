import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioOrThrow } from '../../../scenario/parse';
import { createSimulation } from '../../simulation';
import { functionKind } from './index';

/* eslint-disable @typescript-eslint/no-explicit-any -- a kind's report fields are an untyped record */

const scenario = (fn: Record<string, unknown>, load: Record<string, unknown> = { rps: 100, arrival: 'poisson' }, durationMs = 60_000) => parseScenarioOrThrow({
  version: 1, name: 'f', durationMs, seed: 9,
  nodes: [
    { id: 'users', kind: 'client', load },
    { id: 'fn', kind: 'function', durationMs: { dist: 'exponential', mean: 50 }, coldStartMs: 300, ...fn },
  ],
  edges: [{ from: 'users', to: 'fn' }],
});

const run = (s: ReturnType<typeof scenario>) => {
  const sim = createSimulation(s);
  sim.runUntil(s.durationMs);
  return sim.report();
};

describe('function kind', () => {
  it("the palette's example is a valid function", () => {
    expect(functionKind.schema.parse(functionKind.example('f'))).toMatchObject({ kind: 'function', memoryMb: 512, provisionedConcurrency: 0 });
  });

  it('with no idle timeout it pays a cold start only when concurrency grows past its peak', () => {
    const r = run(scenario({ idleTimeoutMs: 31 * 86_400_000 }));
    const f = r.nodes.fn as any;
    expect(f.coldStarts).toBe(f.peakConcurrentExecutions);
    expect(f.coldStarts).toBeGreaterThan(5);
    expect(f.invocations).toBe(r.nodes.fn.arrivals);
    expect(f.reclaimed).toBe(0);
    // Little's law: mean concurrency = rate x time held (50 ms, plus a few 300 ms cold starts).
    const mean = (r.series.nodes.fn as Record<string, number[]>).concurrentExecutions.slice(5).reduce((a, b) => a + b, 0) / ((r.series.nodes.fn as Record<string, number[]>).concurrentExecutions.length - 5);
    expect(mean).toBeGreaterThan(100 * 0.05 * 0.9);
    expect(mean).toBeLessThan(100 * 0.05 * 1.1);
  });

  it('throttles beyond its reserved concurrency: the caller gets 429s, as many as Erlang B says', () => {
    // Provisioned = reserved: every environment warm, a loss system M/G/c/c with a = 100 x 0.05 = 5.
    const r = run(scenario({ reservedConcurrency: 5, provisionedConcurrency: 5 }));
    const f = r.nodes.fn as any;
    let b = 1;
    for (let k = 1; k <= 5; k++) b = (5 * b) / (k + 5 * b);
    expect(f.throttles / (f.invocations + f.throttles)).toBeCloseTo(b, 1.5);
    expect(r.clients.users.failedBy['rate-limited']).toBe(f.throttles);
    expect(f.coldStarts).toBe(0);
  });

  it('an idle environment is reclaimed after idleTimeoutMs, so sparse traffic pays cold starts again', () => {
    const sparse = { rps: 1, arrival: 'constant' };
    const kept = run(scenario({ idleTimeoutMs: 5000, durationMs: 50 }, sparse)).nodes.fn as any;
    const lost = run(scenario({ idleTimeoutMs: 500, durationMs: 50 }, sparse)).nodes.fn as any;
    expect(kept.coldStarts).toBe(1);
    expect(lost.coldStarts).toBe(lost.invocations);
    expect(lost.reclaimed).toBeGreaterThan(50);
  });

  it('bills requests and GB-seconds rounded up per ms, and provisioned concurrency by the hour', () => {
    const r = run(scenario({ memoryMb: 1024, durationMs: 100, coldStartMs: 0 }, { rps: 10, arrival: 'constant' }));
    const f = r.nodes.fn as any;
    // Billed when they end: the invocation still running at the end is not billed yet.
    expect(f.costDollars).toBeCloseTo((f.invocations - f.concurrentExecutions) * (0.2e-6 + 0.1 * 0.0000166667), 6);
    expect(r.cost.byNode.fn).toBe(f.costDollars);
    expect(r.cost.total).toBe(f.costDollars);
    const prov = run(scenario({ memoryMb: 1024, provisionedConcurrency: 10 }, { rps: 0.001, arrival: 'constant' })).nodes.fn as any;
    expect(prov.costDollars).toBeGreaterThan(60 * 10 * 0.0000041667 * 0.99);
  });

  it('checks that provisioned concurrency fits in the reserved concurrency, and refuses a kill', () => {
    const bad = parseScenario({ version: 1, name: 'f', nodes: [{ id: 'fn', kind: 'function', reservedConcurrency: 2, provisionedConcurrency: 3 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].path).toContain('provisionedConcurrency');
    const kill = parseScenario({ version: 1, name: 'f', nodes: [{ id: 'fn', kind: 'function' }], faults: [{ kind: 'kill-service', target: 'fn' }] });
    expect(kill.ok).toBe(false);
  });

  it('is deterministic', () => {
    const s = scenario({ idleTimeoutMs: 1000 }, { rps: 30, arrival: 'poisson' }, 20_000);
    expect(JSON.stringify(run(s))).toBe(JSON.stringify(run(s)));
  });
});
