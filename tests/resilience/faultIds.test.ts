import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse';
import { runToEnd, simulate } from './helpers';

/**
 * A fault may carry an `id`, unique in its scenario: the fault-start and fault-end events
 * carry it, so a lesson's goal can name the fault's window ("while payments is down").
 */
const scenario = (faults: unknown[]) => ({
  version: 1, name: 'fault ids', seed: 3, durationMs: 20_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 20 } },
    { id: 'api', kind: 'service', serviceTimeMs: 5 },
  ],
  edges: [{ from: 'users', to: 'api' }],
  faults,
});

describe('fault ids', () => {
  it('the start and end events of a fault with an id carry it; those without have none', () => {
    const r = runToEnd(scenario([
      { id: 'api-down', kind: 'kill-service', target: 'api', atMs: 5000, durationMs: 3000 },
      { kind: 'slowdown', target: 'api', atMs: 10_000, durationMs: 1000 },
    ]));
    const faults = r.events.filter((e) => e.kind.startsWith('fault-')).map((e) => [e.kind, e.atMs, e.fault]);
    expect(faults).toEqual([['fault-start', 5000, 'api-down'], ['fault-end', 8000, 'api-down'], ['fault-start', 10_000, undefined], ['fault-end', 11_000, undefined]]);
    expect(r.events.find((e) => e.kind === 'fault-start' && e.atMs === 10_000)).not.toHaveProperty('fault');
  });

  it('a live fault started with an id logs it too', () => {
    const sim = simulate(scenario([]));
    sim.runUntil(2000);
    const id = sim.startFault({ id: 'drill', kind: 'error', target: 'api', rate: 0.5 });
    sim.runUntil(4000);
    sim.stopFault(id);
    expect(sim.report().events.filter((e) => e.fault === 'drill').map((e) => [e.kind, e.atMs])).toEqual([['fault-start', 2000], ['fault-end', 4000]]);
  });

  it('two faults with the same id are one message naming the second and the first', () => {
    const r = parseScenario(scenario([
      { id: 'x', kind: 'kill-service', target: 'api', atMs: 1000 },
      { id: 'x', kind: 'slowdown', target: 'api', atMs: 2000 },
    ]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: 'faults[1].id', message: 'duplicate fault id "x" (also faults[0]): give each fault its own id' }]);
  });

  it('an empty id is refused with the field named', () => {
    const r = parseScenario(scenario([{ id: '', kind: 'kill-service', target: 'api' }]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].path).toBe('faults[0].id');
  });
});
