import { describe, expect, it } from 'vitest';
import { parseScenarioOrThrow } from '../../../scenario/parse';
import { discoveryScenario } from '../../../../tests/discovery/scenarios';
import { createSimulation } from '../../simulation';
import { registrySchema } from './schema';

describe('registry kind', () => {
  it('defaults are Eureka\'s', () => {
    expect(registrySchema.parse({ id: 'r', kind: 'registry' })).toEqual({
      id: 'r', kind: 'registry', instances: 1, heartbeatMs: 30_000, evictionMs: 90_000, cacheRefreshMs: 30_000,
    });
  });

  it('has instances that faults take down and bring back, and reports and shows its table', () => {
    const sim = createSimulation(parseScenarioOrThrow(discoveryScenario({
      registry: { instances: 2 },
      durationMs: 60_000,
      faults: [{ kind: 'kill-service', target: 'registry', atMs: 10_000, durationMs: 20_000 }],
    })));
    sim.runUntil(20_000);
    const live = sim.snapshot().nodes.registry;
    expect(live.readyReplicas).toBe(0);
    expect(live.instances.map((i) => i.state)).toEqual(['crashed', 'crashed']);
    expect(live.extra).toEqual({ registered: 3, visible: 3 });
    sim.runUntil(sim.durationMs);
    const r = sim.report();
    expect(r.nodes.registry).toMatchObject({
      kind: 'registry', replicas: 2, readyReplicas: 2, arrivals: 0, registered: 3, registrations: 3, evictions: 0,
      services: { catalog: { registered: 3, visible: 3, staleRoutedRequests: 0 } },
    });
    // Refreshes happen every 30 s but not while the registry is down.
    expect((r.nodes.registry as unknown as { refreshes: number }).refreshes).toBeLessThanOrEqual(2);
    expect(r.series.nodes.registry).toHaveProperty('registered');
    expect(r.series.nodes.registry).toHaveProperty('visible');
    expect(r.clients.users.failed).toBe(0);
  });
});
