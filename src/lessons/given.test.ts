import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../engine/model';
import { applyGiven } from './given';
import type { Lesson } from './types';

const lessonScenario = {
  version: 1, name: 'lesson', seed: 4, durationMs: 30_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 50 } },
    { id: 'api', kind: 'service', instances: 2 },
    { id: 'pay', kind: 'service', serviceTimeMs: 100 },
  ],
  edges: [{ from: 'users', to: 'api' }, { from: 'api', to: 'pay' }],
  faults: [{ id: 'pay-down', kind: 'kill-service', target: 'pay', atMs: 5000 }],
};

const lesson = (given: string[] = [], locked: string[] = []) => ({
  scenario: lessonScenario, given, locks: locked.length ? { fields: locked.map((path) => ({ path, reason: 'x' })) } : undefined,
}) as unknown as Lesson;

const student = (edit: (s: typeof lessonScenario) => void): ScenarioInput => {
  const s = structuredClone(lessonScenario);
  edit(s);
  return s as unknown as ScenarioInput;
};

describe('applyGiven', () => {
  it('puts back client loads, faults, durationMs and seed, and keeps the student\'s design', () => {
    const mine = student((s) => {
      (s.nodes[0].load as { rps: number }).rps = 1;
      s.faults = [];
      s.durationMs = 1000;
      s.seed = 99;
      s.nodes[1].instances = 8;
      (s.edges[1] as Record<string, unknown>).timeoutMs = 200;
    });
    const out = applyGiven(lesson(), mine) as typeof lessonScenario;
    expect(out.nodes[0].load).toEqual({ rps: 50 });
    expect(out.faults).toEqual(lessonScenario.faults);
    expect(out.durationMs).toBe(30_000);
    expect(out.seed).toBe(4);
    expect(out.nodes[1].instances).toBe(8);
    expect(out.edges[1]).toEqual({ from: 'api', to: 'pay', timeoutMs: 200 });
  });

  it('puts back a client the student deleted, with its calls to nodes that still exist', () => {
    const out = applyGiven(lesson(), student((s) => {
      s.nodes.splice(0, 1);
      s.edges.splice(0, 1);
    })) as typeof lessonScenario;
    expect(out.nodes.find((n) => n.id === 'users')).toEqual(lessonScenario.nodes[0]);
    expect(out.edges).toContainEqual({ from: 'users', to: 'api' });
  });

  it('puts back given and locked paths, and removes them where the lesson leaves them to their default', () => {
    const mine = student((s) => {
      s.nodes[2].serviceTimeMs = 1;
      s.nodes[2].instances = 9;
      (s.edges[1] as Record<string, unknown>).latencyMs = 50;
    });
    const out = applyGiven(lesson(['nodes.pay.serviceTimeMs', 'edges.api->pay.latencyMs'], ['nodes.pay.instances']), mine) as typeof lessonScenario;
    expect(out.nodes[2]).toEqual({ id: 'pay', kind: 'service', serviceTimeMs: 100 });
    expect(out.edges[1]).toEqual({ from: 'api', to: 'pay' });
  });

  it('skips a given field of a node the student deleted, and never changes its inputs', () => {
    const mine = student((s) => {
      s.nodes.splice(2, 1);
      s.edges.splice(1, 1);
      s.faults = [];
    });
    const before = JSON.stringify(mine);
    const out = applyGiven(lesson(['nodes.pay.serviceTimeMs']), mine) as typeof lessonScenario;
    expect(out.nodes.map((n) => n.id)).toEqual(['users', 'api']);
    expect(JSON.stringify(mine)).toBe(before);
    expect(JSON.stringify(lessonScenario.nodes[2])).toBe('{"id":"pay","kind":"service","serviceTimeMs":100}');
  });
});
