import { describe, expect, it } from 'vitest';
import { simulate, type Data } from './helpers';

/**
 * A live edit of a gateway's routes (a strangler-fig step, a canary's weight) is written to
 * the event log, so the timeline shows when traffic moved and a lesson can count the moves.
 */
const scenario: Data = {
  version: 1, name: 'route event', seed: 5, durationMs: 30_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 50 }, paths: [{ path: '/orders', weight: 1 }] },
    { id: 'gw', kind: 'gateway', routes: [{ prefix: '/orders', to: 'legacy' }] },
    { id: 'legacy', kind: 'service', serviceTimeMs: 2 },
    { id: 'orders', kind: 'service', serviceTimeMs: 2 },
  ],
  edges: [{ from: 'users', to: 'gw' }, { from: 'gw', to: 'legacy' }, { from: 'gw', to: 'orders' }],
};

describe('live route edits in the event log', () => {
  it('each setRoutes logs a "route" event naming the gateway and the new split, at the simulated time of the edit', () => {
    const sim = simulate(scenario);
    sim.runUntil(10_000);
    sim.apply({ type: 'setRoutes', node: 'gw', routes: [{ prefix: '/orders', to: [{ service: 'legacy', weight: 9 }, { service: 'orders', weight: 1 }] }] });
    sim.runUntil(20_000);
    sim.apply({ type: 'setRoutes', node: 'gw', routes: [{ prefix: '/orders', to: 'orders' }] });
    const routes = sim.report().events.filter((e) => e.kind === 'route');
    expect(routes).toEqual([
      { atMs: 10_000, kind: 'route', node: 'gw', message: 'gw routes: /orders -> legacy 90%, orders 10%' },
      { atMs: 20_000, kind: 'route', node: 'gw', message: 'gw routes: /orders -> orders' },
    ]);
  });

  it('a refused edit logs nothing', () => {
    const sim = simulate(scenario);
    sim.runUntil(1000);
    expect(() => sim.apply({ type: 'setRoutes', node: 'gw', routes: [{ prefix: '/orders', to: 'nowhere' }] })).toThrow();
    expect(sim.report().events.filter((e) => e.kind === 'route')).toEqual([]);
  });
});
