import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { createSimulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';
import { crashedFrom, crashedSeconds, discoveryScenario, eventsOf, type DiscoveryOptions } from './scenarios';

const T0 = 30_000;
const KILL = [{ kind: 'kill-instance', target: 'catalog', instance: 1, atMs: T0 }];
const SEEDS = [1, 2, 3, 4, 5, 6];

function run(o: DiscoveryOptions): Report {
  const sim = createSimulation(parseScenarioOrThrow(discoveryScenario(o)));
  sim.runUntil(sim.durationMs);
  return sim.report();
}

describe('a registry with defaults (heartbeat 30 s, eviction 90 s, cache refresh 30 s)', () => {
  it.each(SEEDS)('seed %i: a crashed instance gets calls, refused, until eviction and the next refresh', (seed) => {
    const r = run({ seed, faults: KILL });
    const evicted = eventsOf(r, 'evicted');
    expect(evicted).toHaveLength(1);
    const evictedAt = evicted[0].atMs;
    // The lease was last renewed within one heartbeat before the crash: eviction 60-90 s after it.
    expect(evictedAt - T0).toBeGreaterThan(60_000);
    expect(evictedAt - T0).toBeLessThanOrEqual(90_000);
    const refresh = eventsOf(r, 'cache-refresh');
    expect(refresh).toHaveLength(1);
    const refreshedAt = refresh[0].atMs;
    expect(refresh[0].message).toContain('now see instances 0, 2 (were 0, 1, 2)');
    expect(refreshedAt).toBeGreaterThanOrEqual(evictedAt);
    expect(refreshedAt - evictedAt).toBeLessThan(30_000);

    // What the users see: crashed failures every second from the crash to the refresh, none after.
    const secs = crashedSeconds(r);
    expect(secs[0]).toBe(T0);
    const last = secs[secs.length - 1];
    // The last refused call falls in the second of the refresh (or the one before, if the
    // refresh came early in its second).
    expect(last).toBeLessThanOrEqual(refreshedAt);
    expect(refreshedAt - last).toBeLessThan(2000);
    expect(last - T0).toBeGreaterThanOrEqual(60_000);
    expect(last - T0).toBeLessThan(120_000);
    expect(secs).toHaveLength((last - T0) / 1000 + 1);
    expect(crashedFrom(r, last + 1000)).toBe(0);
    // Round robin over three listed instances: about a third of the requests are refused.
    const failed = r.clients.users.failedBy.crashed;
    const share = failed / (60 * (refreshedAt - T0) / 1000);
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.39);

    const reg = r.nodes.registry as unknown as Record<string, unknown>;
    expect(reg).toMatchObject({ registered: 2, registrations: 3, evictions: 1, refreshChanges: 1 });
    // Refused: every failure but those the instance held when it crashed.
    const held = Number(/failing (\d+)/.exec(eventsOf(r, 'crash')[0].message)?.[1] ?? 0);
    expect((reg.services as Record<string, { staleRoutedRequests: number }>).catalog.staleRoutedRequests).toBe(failed - held);
    const registered = (r.series.nodes.registry as Record<string, number[]>).registered;
    expect(registered[Math.floor(evictedAt / 1000) - 1]).toBe(3);
    expect(registered.at(-1)).toBe(2);
  });

  it('an instance that comes back before eviction simply renews: no eviction, errors only while it is down', () => {
    const r = run({ faults: [{ ...KILL[0], durationMs: 20_000 }] });
    expect(eventsOf(r, 'evicted')).toHaveLength(0);
    expect(eventsOf(r, 'cache-refresh')).toHaveLength(0);
    const secs = crashedSeconds(r);
    expect(secs[0]).toBe(T0);
    expect(secs[secs.length - 1]).toBe(T0 + 19_000);
  });
});

describe('active health checks', () => {
  it.each(SEEDS)('seed %i: periodMs 1000, failureThreshold 2 take a crashed instance out within 3 s', (seed) => {
    const r = run({ seed, faults: KILL, healthCheck: { periodMs: 1000, failureThreshold: 2 } });
    const failedCheck = eventsOf(r, 'health-check-failed');
    expect(failedCheck).toHaveLength(1);
    // Second failed probe: 1-2 s after the crash; the callers learn it one second later.
    expect(failedCheck[0].atMs - T0).toBeGreaterThan(1000);
    expect(failedCheck[0].atMs - T0).toBeLessThanOrEqual(2000);
    // The removal reaches the callers one second later, or sooner with a regular refresh.
    const pushed = eventsOf(r, 'cache-refresh');
    expect(pushed).toHaveLength(1);
    expect(pushed[0].atMs).toBeGreaterThan(failedCheck[0].atMs);
    expect(pushed[0].atMs).toBeLessThanOrEqual(failedCheck[0].atMs + 1000);
    expect(crashedFrom(r, T0 + 3000)).toBe(0);
    expect(r.clients.users.failedBy.crashed).toBeGreaterThan(0);
    expect(eventsOf(r, 'evicted')).toHaveLength(0);
  });

  it('a recovered instance registers again when ready and is seen at the next refresh', () => {
    const r = run({ faults: [{ ...KILL[0], durationMs: 20_000 }], healthCheck: { periodMs: 1000, failureThreshold: 2 }, catalog: { startupMs: 5000 } });
    const back = eventsOf(r, 'registered').filter((e) => e.atMs > T0);
    expect(back).toHaveLength(1);
    expect(back[0].atMs).toBe(T0 + 25_000);
    const refresh = eventsOf(r, 'cache-refresh');
    expect(refresh).toHaveLength(2);
    expect(refresh[1].message).toContain('now see instances 0, 1, 2');
    expect(refresh[1].atMs - back[0].atMs).toBeLessThan(30_000);
    expect(crashedFrom(r, T0 + 3000)).toBe(0);
  });
});

describe('without a registry discovery is ideal and instant', () => {
  it.each(SEEDS)('seed %i: no request is sent to the crashed instance', (seed) => {
    const r = run({ seed, registry: false, faults: KILL });
    // Only what the instance held when it crashed fails.
    const crash = eventsOf(r, 'crash')[0];
    const held = Number(/failing (\d+)/.exec(crash.message)?.[1] ?? 0);
    expect(r.clients.users.failedBy.crashed).toBe(held);
    expect(crashedFrom(r, T0 + 1000)).toBe(0);
  });

  it('a health check without a registry changes nothing', () => {
    const a = run({ registry: false, faults: KILL });
    const b = run({ registry: false, faults: KILL, healthCheck: { periodMs: 1000, failureThreshold: 2 } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('retries that cover refused connections hide stale routing from the users', () => {
    const retry = { retry: { maxAttempts: 3, backoffMs: 10, retryOn: ['error', 'timeout'] } };
    const r = run({ faults: KILL, edge: retry });
    expect(r.edges['gateway->catalog'].failedAttempts).toBeGreaterThan(1000);
    expect(r.clients.users.failedBy.crashed).toBeLessThan(r.edges['gateway->catalog'].failedAttempts / 50);
  });
});

describe('the registry itself', () => {
  it('down: callers keep their cache; a new instance stays unseen until it is back', () => {
    // Registry down 10-70 s; a fourth instance at 20 s; instance 0 crashes at 40 s (not evicted while down).
    const sim = createSimulation(parseScenarioOrThrow(discoveryScenario({
      faults: [
        { kind: 'kill-service', target: 'registry', atMs: 10_000, durationMs: 60_000 },
        { kind: 'kill-instance', target: 'catalog', instance: 0, atMs: 40_000 },
      ],
    })));
    sim.runUntil(20_000);
    sim.apply({ type: 'setInstances', node: 'catalog', instances: 4 });
    sim.runUntil(sim.durationMs);
    const r = sim.report();
    const reg = eventsOf(r, 'registered').filter((e) => e.atMs > 0);
    expect(reg).toHaveLength(1);
    expect(reg[0].message).toBe('catalog instance 3 registered');
    expect(reg[0].atMs).toBeGreaterThan(70_000);
    expect(reg[0].atMs).toBeLessThanOrEqual(100_000);
    const refresh = eventsOf(r, 'cache-refresh');
    expect(refresh[0].atMs).toBeGreaterThan(reg[0].atMs);
    // Instance 0 crashed while the registry was down: still listed (nobody evicted it).
    expect(refresh[0].message).toContain('now see instances 0, 1, 2, 3 (were 0, 1, 2)');
    // Instance 0's lease restarts when the registry is back: evicted 90 s later.
    expect(eventsOf(r, 'evicted').map((e) => e.atMs)).toEqual([160_000]);
    // While the registry is down, the crashed instance keeps getting a third of the calls.
    const v = r.series.clients.users.failuresPerS.crashed;
    for (let s = 41; s < 70; s++) expect(v[s]).toBeGreaterThan(5);
  });
});

describe('scenarios/service-discovery.json', () => {
  const data = JSON.parse(readFileSync(new URL('../../scenarios/service-discovery.json', import.meta.url), 'utf8'));

  it('is valid, laid out, and shows errors lasting until eviction and refresh', () => {
    const s = parseScenarioOrThrow(data);
    for (const n of s.nodes) {
      expect(n.label).toBeTruthy();
      expect(n.position).toBeDefined();
    }
    expect(s.nodes.map((n) => n.kind).sort()).toEqual(['client', 'gateway', 'registry', 'service']);
    const sim = createSimulation(s);
    sim.runUntil(sim.durationMs);
    const r = sim.report();
    const secs = crashedSeconds(r, 'shoppers');
    expect(secs[0]).toBe(30_000);
    expect(secs.at(-1)! - 30_000).toBeGreaterThanOrEqual(60_000);
    expect(eventsOf(r, 'evicted')).toHaveLength(1);
  });

  it('with the suggested health check the errors stop within seconds', () => {
    const s = parseScenarioOrThrow({
      ...data,
      nodes: data.nodes.map((n: { id: string }) => (n.id === 'catalog' ? { ...n, healthCheck: { periodMs: 1000, failureThreshold: 2 } } : n)),
    });
    const sim = createSimulation(s);
    sim.runUntil(sim.durationMs);
    expect(crashedFrom(sim.report(), 33_000, 'shoppers')).toBe(0);
  });
});
