import { describe, expect, it } from 'vitest';
import { fixture, fixtureData, lessonOf } from '../../tests/lessons/helpers';
import type { ScenarioInput } from '../engine/model';
import { CAPACITY_FAILS, proofNames, proveLesson, quadrupleCapacity, runProof, SOLUTION_PASSES, START_FAILS } from './proofs';

describe('the four proofs', () => {
  it('hold for the fixture, each on every seed', () => {
    const results = proveLesson(fixture('slow-dependency'));
    expect(results.map((r) => [r.proof, r.ok])).toEqual([
      ['start fails', true],
      ['solution passes', true],
      ['withhold: a timeout longer than the delay fails', true],
      ['withhold: a timeout without a fallback fails', true],
      ['4x capacity fails', true],
    ]);
    expect(results[0].detail).toMatch(/^fails on every seed \(1, 2, 3\); seed 1: fast-during-fault: /);
    expect(results[1].detail).toBe('passes every goal on every seed (1, 2, 3)');
  });

  it('catch a lesson whose solution does not solve it', () => {
    const d = fixtureData('slow-dependency');
    d.solution = d.solution.slice(0, 1); // the timeout without the fallback
    const r = runProof(lessonOf(d), SOLUTION_PASSES);
    expect(r.ok).toBe(false);
    expect(r.detail).toMatch(/^seed 1: answered fails: clients\.users\.errorRate = /);
  });

  it('catch a withheld answer that passes, and a start that passes', () => {
    const d = fixtureData('slow-dependency');
    d.withhold.push({ name: 'the answer itself', patch: d.solution });
    const lesson = lessonOf(d);
    expect(runProof(lesson, 'withhold: the answer itself fails')).toEqual({ proof: 'withhold: the answer itself fails', ok: false, detail: 'passes every goal on seeds 1, 2, 3; it must fail on every seed' });
    const easy = fixtureData('slow-dependency');
    easy.goals = [{ id: 'anything', label: 'x', check: { metric: 'clients.users.sent', op: '>', value: 0 } }];
    expect(runProof(lessonOf(easy), START_FAILS).ok).toBe(false);
  });

  it('catch a lesson that more machines solve, unless it is about capacity', () => {
    const d = fixtureData('slow-dependency');
    // Without the fault, the only trouble is a busy Recommendations: four times its workers fix it.
    d.scenario.faults = [];
    d.scenario.nodes[0].load.rps = 900;
    d.goals = [{ id: 'fast', label: 'fast', check: { metric: 'clients.users.latencyMs.p99', op: '<=', value: 100 } }];
    d.steps = [{ text: 'x' }];
    d.withhold = [];
    d.solution = [{ op: 'add', path: '/nodes/2/instances', value: 8 }];
    const r = runProof(lessonOf(d), CAPACITY_FAILS);
    expect(r).toMatchObject({ ok: false, detail: 'passes every goal on seeds 1, 2, 3; it must fail on every seed' });
    d.aboutCapacity = true;
    expect(proofNames(lessonOf(d))).toEqual(['start fails', 'solution passes']);
    expect(proveLesson(lessonOf(d)).every((p) => p.ok)).toBe(true);
  });

  it('multiply a locked capacity too: a lock keeps the student from it, not the proof', () => {
    const d = fixtureData('slow-dependency');
    d.scenario.faults = [];
    d.scenario.nodes[0].load.rps = 900;
    d.goals = [{ id: 'fast', label: 'fast', check: { metric: 'clients.users.latencyMs.p99', op: '<=', value: 100 } }];
    d.withhold = [];
    d.steps = [{ text: 'x' }];
    d.locks = { fields: [{ path: 'nodes.reco.concurrency', reason: 'fixed' }, { path: 'nodes.reco.instances', reason: 'fixed' }] };
    expect(runProof(lessonOf(d), CAPACITY_FAILS)).toMatchObject({ ok: false, detail: 'passes every goal on seeds 1, 2, 3; it must fail on every seed' });
  });

  it('report a patch that does not apply as a failed proof, not a crash', () => {
    const lesson = fixture('slow-dependency');
    lesson.solution = [{ op: 'replace', path: '/edges/1/retry', value: {} }];
    expect(runProof(lesson, SOLUTION_PASSES)).toEqual({ proof: 'solution passes', ok: false, detail: 'replace /edges/1/retry: the path does not exist in the scenario' });
    expect(runProof(lesson, 'withhold: nothing fails').ok).toBe(false);
  });
});

describe('quadrupleCapacity', () => {
  const s = {
    version: 1, name: 'c',
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 5 } },
      { id: 'gw', kind: 'gateway' },
      { id: 'api', kind: 'service', instances: 3, concurrency: 2, autoscale: { maxReplicas: 5 } },
      { id: 'big', kind: 'service', instances: 400, concurrency: 4000 },
      { id: 'db', kind: 'database', connections: 5 },
      { id: 'q', kind: 'queue' },
    ],
    edges: [],
  } as unknown as ScenarioInput;

  it('multiplies instances, workers, autoscaler bounds and connection pools, defaults included, within the schema\'s limits', () => {
    const before = JSON.stringify(s);
    const out = quadrupleCapacity(s).nodes as Record<string, unknown>[];
    expect(out[0]).toEqual({ id: 'users', kind: 'client', load: { rps: 5 } });
    expect(out[1]).toEqual({ id: 'gw', kind: 'gateway', instances: 4, concurrency: 1024 });
    expect(out[2]).toEqual({ id: 'api', kind: 'service', instances: 12, concurrency: 8, autoscale: { minReplicas: 4, maxReplicas: 20 } });
    expect(out[3]).toMatchObject({ instances: 1000, concurrency: 10_000 });
    expect(out[4]).toEqual({ id: 'db', kind: 'database', connections: 20 });
    expect(out[5]).toEqual({ id: 'q', kind: 'queue' });
    expect(JSON.stringify(s)).toBe(before);
  });
});
