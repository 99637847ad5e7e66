import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../engine/model';
import { applyPatch, diffScenarios, PatchFailure } from './patch';

const start = {
  version: 1, name: 's',
  nodes: [{ id: 'users', kind: 'client', load: { rps: 10 } }, { id: 'api', kind: 'service' }],
  edges: [{ from: 'users', to: 'api' }],
} as ScenarioInput;

describe('patches over a scenario (RFC 6902)', () => {
  it('apply and never change their input', () => {
    const before = JSON.stringify(start);
    const out = applyPatch(start, [{ op: 'add', path: '/edges/0/timeoutMs', value: 200 }, { op: 'replace', path: '/nodes/0/load/rps', value: 20 }]);
    expect(out.edges![0]).toEqual({ from: 'users', to: 'api', timeoutMs: 200 });
    expect((out.nodes[0] as { load: { rps: number } }).load.rps).toBe(20);
    expect(JSON.stringify(start)).toBe(before);
    // The value put in is a copy too: changing the result leaves the patch alone.
    const value = { maxAttempts: 3 };
    const out2 = applyPatch(start, [{ op: 'add', path: '/edges/0/retry', value }]);
    (out2.edges![0] as { retry: { maxAttempts: number } }).retry.maxAttempts = 9;
    expect(value.maxAttempts).toBe(3);
  });

  it('say which operation did not apply and why', () => {
    const bad = () => applyPatch(start, [{ op: 'add', path: '/edges/0/timeoutMs', value: 1 }, { op: 'replace', path: '/nodes/1/instances', value: 4 }]);
    expect(bad).toThrow(PatchFailure);
    expect(bad).toThrow('replace /nodes/1/instances: the path does not exist in the scenario');
    try {
      bad();
    } catch (e) {
      expect((e as PatchFailure).index).toBe(1);
    }
    expect(() => applyPatch(start, [{ op: 'test', path: '/name', value: 'other' }])).toThrow('test /name: the test operation found a different value');
    expect(() => applyPatch(start, [{ op: 'add', path: '/nodes/9/instances', value: 1 }])).toThrow(/add \/nodes\/9\/instances/);
  });

  it('diff two scenarios into a patch that turns one into the other', () => {
    const to = applyPatch(start, [{ op: 'add', path: '/edges/0/circuitBreaker', value: { failureRateThreshold: 50 } }, { op: 'remove', path: '/nodes/1/kind' }, { op: 'add', path: '/nodes/1/kind', value: 'service' }]);
    const ops = diffScenarios(start, to);
    expect(ops).toEqual([{ op: 'add', path: '/edges/0/circuitBreaker', value: { failureRateThreshold: 50 } }]);
    expect(applyPatch(start, ops)).toEqual(to);
  });
});
