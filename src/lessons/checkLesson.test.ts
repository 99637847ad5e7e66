import { describe, expect, it } from 'vitest';
import { fixture } from '../../tests/lessons/helpers';
import type { ScenarioInput } from '../engine/model';
import { checkLesson } from './checkLesson';
import { applyPatch } from './patch';
import { LessonError } from './types';

/** The fixture: Recommendations turns slow for 10 s; a timeout and a fallback are the answer. */
const lesson = fixture('slow-dependency');
const start = () => structuredClone(lesson.scenario) as ScenarioInput & Record<string, unknown>;
const solved = () => applyPatch(lesson.scenario, lesson.solution) as ScenarioInput & Record<string, unknown>;
const statuses = (r: ReturnType<typeof checkLesson>) => r.goals.map((g) => `${g.goal}:${g.status}`);

describe('checkLesson', () => {
  it('the start fails, with each goal\'s figure, limit and the first seed that failed', () => {
    const r = checkLesson(lesson, null);
    expect(r.passed).toBe(false);
    expect(r.seeds).toEqual([1, 2, 3]);
    const fast = r.goals[0];
    expect(fast).toMatchObject({ goal: 'fast-during-fault', label: lesson.goals[0].label, bonus: false, status: 'fail', op: '<=', limit: 500, seed: 1 });
    expect(fast.actual as number).toBeGreaterThan(2000);
    expect(fast.brokeAtMs).toBeGreaterThanOrEqual(10_000);
    expect(fast.brokeAtMs).toBeLessThan(20_000);
  });

  it('the solution passes every goal on every seed, the same each time', () => {
    const r = checkLesson(lesson, solved());
    expect(statuses(r)).toEqual(['fast-during-fault:pass', 'answered:pass', 'no-slower-than-before:pass']);
    expect(r.passed).toBe(true);
    expect(checkLesson(lesson, solved())).toEqual(r);
  });

  it('deleting the fault, lowering the load or shortening the run cannot pass: the lesson\'s parts are put back', () => {
    const base = checkLesson(lesson, null);
    const cheats: ((s: Record<string, unknown> & ScenarioInput) => void)[] = [
      (s) => void (s.faults = []),
      (s) => void ((s.nodes[0] as { load: { rps: number } }).load.rps = 1),
      (s) => void (s.durationMs = 5000),
      (s) => void ((s.nodes[2] as Record<string, unknown>).serviceTimeMs = 0.1), // given
      (s) => void ((s.nodes[2] as Record<string, unknown>).concurrency = 1000), // locked
    ];
    for (const cheat of cheats) {
      const s = start();
      cheat(s);
      const r = checkLesson(lesson, s);
      expect(r.passed).toBe(false);
      expect(r.goals).toEqual(base.goals);
    }
  });

  it('a deleted client comes back, so the run is judged as the start is', () => {
    const s = start();
    s.nodes = s.nodes.filter((n) => n.id !== 'users');
    s.edges = s.edges!.filter((e) => e.from !== 'users');
    expect(checkLesson(lesson, s).goals).toEqual(checkLesson(lesson, null).goals);
  });

  it('a scenario that is not valid is an error naming the field; one the lesson\'s parts make invalid fails every goal', () => {
    const bad = start();
    (bad.nodes[1] as Record<string, unknown>).instances = -1;
    expect(() => checkLesson(lesson, bad, { file: 'mine.json' })).toThrow(LessonError);
    expect(() => checkLesson(lesson, bad, { file: 'mine.json' })).toThrow('mine.json: nodes[1].instances: instances must be >= 0');
    const noReco = start();
    noReco.nodes = noReco.nodes.filter((n) => n.id !== 'reco');
    noReco.edges = noReco.edges!.filter((e) => e.to !== 'reco');
    noReco.faults = [];
    const r = checkLesson(lesson, noReco);
    expect(r.passed).toBe(false);
    expect(r.goals.every((g) => g.status === 'fail')).toBe(true);
    expect(r.goals[0].message).toMatch(/with the lesson's own parts put back, the scenario is not valid: faults\[0\]\.target: unknown node or edge "reco"/);
  });

  it('runs only the seeds asked for', () => {
    expect(checkLesson(lesson, null, { seeds: [2] }).seeds).toEqual([2]);
  });

  it('a goal on a node the student removed fails saying so, without a crash', () => {
    const withApiGoal = fixture('slow-dependency');
    withApiGoal.goals.push({ id: 'api-busy', label: 'api is used', bonus: false, check: { metric: 'nodes.api.utilization', op: '>', value: 0 } });
    const s = start();
    s.nodes = s.nodes.filter((n) => n.id !== 'api');
    s.edges = [{ from: 'users', to: 'reco' }];
    const r = checkLesson(withApiGoal, s);
    expect(r.goals.at(-1)).toMatchObject({ goal: 'api-busy', status: 'fail', actual: null });
    expect(r.goals.at(-1)!.message).toMatch(/no "api" under nodes/);
  });
});
