import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../scenario/parse';
import { discoveryScenario, type DiscoveryOptions } from '../../../tests/discovery/scenarios';
import { runUntil } from '../core/loop';
import { buildWorld } from '../runtime/build';
import { startWorld } from '../runtime/start';
import { setInstances } from '../runtime/stations';
import type { World } from '../runtime/world';
import { CachedList } from './cachedList';
import { Registry } from './registry';

/** A built, started world, with every pick of catalog's instances recorded (time, instance). */
function world(o: DiscoveryOptions) {
  const scenario = parseScenarioOrThrow(discoveryScenario(o));
  const w = buildWorld(scenario, scenario.seed);
  const catalog = w.nodes.find((n) => n.id === 'catalog')!;
  const picks: [number, number][] = [];
  const cache = catalog.discovery;
  if (cache) catalog.discovery = { pick: (w2, n, j) => {
    const i = cache.pick(w2, n, j);
    picks.push([w2.now, i]);
    return i;
  } };
  startWorld(w, 0);
  return { w, catalog, picks, cache: cache as CachedList | null };
}

const firstPickOf = (picks: [number, number][], i: number) => picks.find((p) => p[1] === i)?.[0] ?? Infinity;
const events = (w: World, kind: string) => w.log.entries.filter((e) => e.kind === kind);

describe('attachDiscovery', () => {
  it('leaves every node on ideal discovery without a registry', () => {
    const { w } = world({ registry: false });
    for (const n of w.nodes) expect(n.discovery).toBeNull();
  });

  it('gives each service a cached list of its ready instances; gateways and the registry keep ideal routing', () => {
    const { w, cache } = world({});
    expect(cache).toBeInstanceOf(CachedList);
    expect(cache!.visible).toEqual([0, 1, 2]);
    expect(w.nodes.find((n) => n.id === 'gateway')!.discovery).toBeNull();
    expect(w.nodes.find((n) => n.id === 'registry')!.state).toBeInstanceOf(Registry);
  });
});

describe('registration', () => {
  it('a new instance registers when it is ready (after startupMs) and gets calls from the next refresh on', () => {
    const { w, picks } = world({ catalog: { startupMs: 5000 } });
    runUntil(w, w.dispatch, 20_000);
    setInstances(w, w.nodes.find((n) => n.id === 'catalog')!, 4);
    runUntil(w, w.dispatch, 120_000);
    const reg = events(w, 'registered').filter((e) => e.atMs > 0);
    expect(reg.map((e) => [e.atMs, e.message])).toEqual([[25_000, 'catalog instance 3 registered']]);
    const seen = events(w, 'cache-refresh')[0];
    expect(seen.message).toContain('now see instances 0, 1, 2, 3');
    expect(seen.atMs).toBeGreaterThan(25_000);
    expect(seen.atMs).toBeLessThan(55_000);
    expect(firstPickOf(picks, 3)).toBeGreaterThanOrEqual(seen.atMs);
    expect(firstPickOf(picks, 3)).toBeLessThan(seen.atMs + 1000);
  });

  it('a registry that is down hides a new instance until it is back, then the instance registers at its next heartbeat', () => {
    const { w, picks } = world({ faults: [{ kind: 'kill-service', target: 'registry', atMs: 10_000, durationMs: 60_000 }] });
    runUntil(w, w.dispatch, 20_000);
    setInstances(w, w.nodes.find((n) => n.id === 'catalog')!, 4);
    runUntil(w, w.dispatch, 200_000);
    // Ready at 20 s, refused at 20 s and 50 s (registry down), registered by the heartbeat at 80 s.
    const reg = events(w, 'registered').filter((e) => e.atMs > 0);
    expect(reg.map((e) => e.atMs)).toEqual([80_000]);
    const first = firstPickOf(picks, 3);
    expect(first).toBeGreaterThan(80_000);
    expect(first).toBeLessThan(110_000);
    // No cache change at all while the registry was down.
    expect(events(w, 'cache-refresh').every((e) => e.atMs > 70_000)).toBe(true);
    const reportOf = (w.nodes.find((n) => n.id === 'registry')!.state as Registry).report();
    expect(reportOf).toMatchObject({ registered: 4, registrations: 4, evictions: 0 });
  });

  it('scaled-in instances deregister (at their next heartbeat) and stop getting calls after the next refresh', () => {
    const { w, picks } = world({});
    runUntil(w, w.dispatch, 20_000);
    setInstances(w, w.nodes.find((n) => n.id === 'catalog')!, 2);
    runUntil(w, w.dispatch, 120_000);
    const dereg = events(w, 'deregistered');
    expect(dereg).toHaveLength(1);
    expect(dereg[0].message).toBe('catalog instance 2 deregistered (shut down)');
    expect(dereg[0].atMs).toBeLessThanOrEqual(50_000);
    const seen = events(w, 'cache-refresh')[0];
    expect(seen.atMs).toBeGreaterThanOrEqual(dereg[0].atMs);
    expect(seen.message).toContain('now see instances 0, 1 (were 0, 1, 2)');
    const lastPick2 = picks.filter((p) => p[1] === 2).at(-1)![0];
    expect(lastPick2).toBeLessThanOrEqual(seen.atMs);
    expect(events(w, 'evicted')).toHaveLength(0);
  });

  it('a heartbeat to a registry that forgot the instance registers it again', () => {
    // heartbeatMs > evictionMs: every lease expires between heartbeats and is renewed by re-registering.
    const { w } = world({ registry: { heartbeatMs: 20_000, evictionMs: 15_000, cacheRefreshMs: 1000 } });
    runUntil(w, w.dispatch, 100_000);
    const reg = w.nodes.find((n) => n.id === 'registry')!.state as Registry;
    expect(reg.evictions).toBeGreaterThanOrEqual(12);
    expect(reg.registrations).toBeGreaterThanOrEqual(3 + 12);
  });
});

describe('runs are deterministic', () => {
  it('same scenario and seed, same log and same picks', () => {
    const o: DiscoveryOptions = { faults: [{ kind: 'kill-instance', target: 'catalog', atMs: 30_000, durationMs: 50_000 }], healthCheck: { periodMs: 2000, failureThreshold: 3 } };
    const a = world(o), b = world(o);
    runUntil(a.w, a.w.dispatch, 150_000);
    runUntil(b.w, b.w.dispatch, 150_000);
    expect(b.w.log.entries).toEqual(a.w.log.entries);
    expect(b.picks).toEqual(a.picks);
  });
});
