import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../scenario/parse';
import { createSimulation } from '../simulation';

/**
 * A station as its callers see it: a free worker serves at once, a busy instance queues in
 * arrival order, a full room answers 503 at once, a crash fails what the instance held. A
 * request every 25 ms and 45 ms of constant work make every number exact.
 */

type Data = Record<string, unknown>;

function station(api: Data, extra: Data = {}): Data {
  return {
    version: 1, name: 'one station', seed: 11, durationMs: 2000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 40, arrival: 'constant' } },
      { id: 'api', kind: 'service', instances: 1, serviceTimeMs: 45, ...api },
    ],
    edges: [{ from: 'users', to: 'api', latencyMs: 0 }],
    ...extra,
  };
}

const simulate = (obj: Data) => createSimulation(parseScenarioOrThrow(obj));

describe('a station', () => {
  it('with a free worker for each request, answers each caller when its service ends', () => {
    const sim = simulate(station({ concurrency: 4 }));
    sim.runUntil(sim.durationMs);
    const r = sim.report();
    expect(r.clients.users.failed).toBe(0);
    expect(r.clients.users.latencyMs.p50).toBe(45);
    expect(r.clients.users.latencyMs.max).toBe(45);
    expect(r.nodes.api.meanQueueLength).toBe(0);
    // 45 ms of work every 25 ms on 4 workers (the run opens with 25 ms of nothing to do).
    expect(r.nodes.api.utilization).toBeCloseTo(45 / 25 / 4, 1);
  });

  it('when busy, queues requests and serves them in arrival order', () => {
    // Arrivals at 25, 50, 75, 100, 125 ms on one worker: served 25-70, 70-115, 115-160, ...
    const sim = simulate(station({ concurrency: 1, queueCapacity: 100 }));
    sim.runUntil(130);
    const live = sim.snapshot().nodes.api;
    expect(live.queueLength).toBe(2);
    expect(live.utilization).toBe(1);
    const r = sim.report();
    expect(r.clients.users.ok).toBe(2);
    // The second request waited 20 ms for the first.
    expect(r.clients.users.latencyMs.max).toBe(65);
  });

  it('with a full room, answers 503 at once', () => {
    const sim = simulate(station({ concurrency: 1, queueCapacity: 0 }));
    sim.runUntil(sim.durationMs);
    const r = sim.report();
    const c = r.clients.users;
    // Every other request finds the one worker busy and nowhere to wait.
    expect(Math.abs(c.failed - c.ok)).toBeLessThanOrEqual(1);
    expect(c.failedBy.rejected).toBe(c.failed);
    expect(r.nodes.api.rejected).toBe(c.failed);
    expect(c.failedLatencyMs.max).toBe(0);
    expect(c.latencyMs.max).toBe(45);
  });

  it('when its only instance crashes, fails the requests in service and every later one', () => {
    const sim = simulate(station({ concurrency: 4 }, { faults: [{ kind: 'kill-instance', target: 'api', atMs: 1010 }] }));
    sim.runUntil(sim.durationMs);
    const c = sim.report().clients.users;
    // Requests sent at 25..950 ms were answered by 995 ms; those sent at 975 and 1000 were in service.
    expect(c.ok).toBe(38);
    expect(c.failedBy.crashed).toBe(c.failed);
    expect(c.ok + c.failed).toBe(c.sent);
    // The two in service learn of the crash when it happens: the one sent at 975 waited 35 ms.
    expect(c.failedLatencyMs.max).toBe(35);
  });
});
