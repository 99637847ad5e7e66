import { describe, expect, it } from 'vitest';
import { runInSlices, runToEnd, simulate, type Data } from './helpers';

/**
 * a live `setRoutes` with no routes turns the gateway into a 404 for every request,
 * while the same gateway loaded with `routes: []` calls every outgoing edge (gateway/schema.ts:
 * "without routes every outgoing edge is called"; gateway/index.ts builds `n.routes` only
 * when there are routes). The playground sends `setRoutes` live when a route is edited
 * (src/store/liveDiff.ts), so deleting a gateway's last route fails all traffic at once, and
 * the saved scenario then behaves differently on reload.
 *
 * Where: src/engine/simulation.ts:142-157, `case 'setRoutes'`: lines 152-155 always install a
 * path table (all -1 when there are no routes), so runtime/flow.ts:65-68 answers 404; the
 * build (kinds/gateway/index.ts:18) leaves `n.routes` null instead, and flow.ts:74 then calls
 * every edge.
 * Fix: mirror the build: when `routes.length === 0`, set `n.routes = null`, `n.routeEdges = []`,
 * `n.routeCum = []`, `n.routePrefixes = []` and return; otherwise install them as now.
 */
const scenario = (routes: Data[]): Data => ({
  version: 1, name: 'live empty routes', seed: 4, durationMs: 20_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 100 }, paths: [{ path: '/a', weight: 1 }] },
    { id: 'gw', kind: 'gateway', routes },
    { id: 'a', kind: 'service' },
    { id: 'b', kind: 'service' },
  ],
  edges: [{ from: 'users', to: 'gw' }, { from: 'gw', to: 'a' }, { from: 'gw', to: 'b' }],
});

describe('live setRoutes([]) differs from a gateway loaded without routes', () => {
  it('(for contrast) loaded with routes: [], the gateway calls every edge and nothing fails', () => {
    const r = runToEnd(scenario([]));
    expect(r.clients.users.failed).toBe(0);
    expect(r.edges['gw->a'].calls).toBeGreaterThan(1500);
    expect(r.edges['gw->b'].calls).toBeGreaterThan(1500);
  });

  it('after a live setRoutes([]) at 10 s the gateway keeps answering (it calls every edge), no 404s', () => {
    const [, end] = runInSlices(simulate(scenario([{ prefix: '/a', to: 'a' }])), [10_000, 20_000], (k, sim) => {
      if (k === 1) sim.apply({ type: 'setRoutes', node: 'gw', routes: [] });
    });
    // Today: ~1,000 requests after 10 s fail as not-found, and gw->b is never called.
    expect(end.clients.users.failedBy['not-found']).toBe(0);
    expect(end.edges['gw->b'].calls).toBeGreaterThan(500);
  });
});
