import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';
import { formatReport } from '../../src/cli/table';

/**
 * Failed requests must not make latency look better. A service that takes 50 ms is killed
 * from 10 s to 20 s: every request then fails at once (a refused connection, 2 ms on the
 * network). Counted with the successes, those fast failures would pull p99 down to 2 ms just
 * when users are worst off, as k6's overall http_req_duration does; the Google SRE book's
 * advice is to keep the latency of errors apart, which is what the report does.
 */
const scenario = parseScenarioOrThrow({
  version: 1, name: 'fast failures', seed: 4, durationMs: 30_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 100 } },
    { id: 'api', kind: 'service', instances: 2, concurrency: 8, serviceTimeMs: 50 },
  ],
  edges: [{ from: 'users', to: 'api' }],
  faults: [{ kind: 'kill-service', target: 'api', atMs: 10_000, durationMs: 10_000 }],
});

function run() {
  const sim = createSimulation(scenario);
  sim.runUntil(sim.durationMs);
  return sim.report();
}

describe('the latency of failed requests is kept apart', () => {
  const r = run();
  const users = r.clients.users;
  const series = r.series.clients.users;

  it('the client latency is of its successful requests: a third of them failing fast does not lower it', () => {
    expect(users.failed).toBeGreaterThan(900);
    expect(users.latencyMs.p50).toBeGreaterThanOrEqual(52);
    expect(users.latencyMs.p99).toBeGreaterThanOrEqual(52);
    expect(users.latencyMs.mean).toBeGreaterThanOrEqual(52);
  });

  it('the failures have their own latency, the time a user waited to learn of the failure', () => {
    expect(users.failedLatencyMs.p99).toBeLessThan(5);
    expect(users.failedLatencyMs.max).toBeGreaterThan(0);
  });

  it('a second with no successful request has no latency point (0) rather than the failures\' 2 ms', () => {
    const during = r.series.tMs.map((t, i) => ({ t, i })).filter(({ t }) => t >= 11_000 && t < 19_000);
    expect(during.length).toBe(8);
    for (const { i } of during) {
      expect(series.errorRate[i]).toBe(1);
      expect(series.latencyP99Ms[i]).toBe(0);
      expect(series.latencyP50Ms[i]).toBe(0);
    }
    const before = r.series.tMs.findIndex((t) => t === 5_000);
    expect(series.latencyP99Ms[before]).toBeGreaterThanOrEqual(52);
  });

  it('the CLI table says the latency is of the successful requests, and shows the failures\' apart', () => {
    const text = formatReport(r);
    expect(text).toMatch(/latency: of successful requests/);
    expect(text).toMatch(/failed requests' latency: users p50 \d+(\.\d+)? ms, p99 \d+(\.\d+)? ms/);
  });
});
