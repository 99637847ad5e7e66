import { describe, expect, it } from 'vitest';
import { fixture } from '../../tests/lessons/helpers';
import { runSettings } from '../lessons/checkLesson';
import { applyPatch } from '../lessons/patch';
import { parseScenarioOrThrow } from '../scenario/parse';
import { GOALS_EVERY_MS } from './liveGoals';
import { reportFigures, runLessonJob } from './lessonJobs';
import { fakeLoopHost } from '../../tests/helpers/fakeLoopHost';
import type { FromWorker } from './protocol';
import { createRunLoop } from './runLoop';

function fakeHost() {
  const f = fakeLoopHost();
  return { ...f, goals: () => f.all('goals') };
}

const lesson = fixture('slow-dependency');
const { durationMs, warmupMs } = runSettings(lesson);
const start = parseScenarioOrThrow({ ...lesson.scenario, durationMs, warmupMs, seed: lesson.run.seeds[0] });
const status = (m: Extract<FromWorker, { type: 'goals' }> | undefined) => Object.fromEntries((m?.verdicts ?? []).map((v) => [v.goal, v.status]));

describe('the lesson\'s goals on the live run', () => {
  it('are judged in the worker as the run goes: pending until a window has ended, then pass or fail', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: start, gen: 4 });
    expect(f.goals()).toHaveLength(0);
    loop.handle({ type: 'setLesson', lesson, scenario: start });
    expect(f.goals().at(-1)).toMatchObject({ gen: 4, nowMs: 0 });
    expect(status(f.goals().at(-1))['fast-during-fault']).toBe('pending');
    loop.handle({ type: 'step', ms: 15_000 });
    expect(f.goals().at(-1)?.nowMs).toBe(15_000);
    expect(status(f.goals().at(-1))['fast-during-fault']).toBe('pending');
    loop.handle({ type: 'step', ms: 15_000 });
    const end = f.goals().at(-1)!;
    expect(end.nowMs).toBe(30_000);
    // The start fails the lesson: answers take the fault's 2 s while Recommendations is slow.
    const fast = end.verdicts.find((v) => v.goal === 'fast-during-fault')!;
    expect(fast).toMatchObject({ status: 'fail', limit: 500 });
    expect(fast.actual as number).toBeGreaterThan(1000);
    expect(fast.brokeAtMs).toBeGreaterThanOrEqual(10_000);
    // Compared with the reference run (the start itself), the bonus median holds.
    expect(status(end)['no-slower-than-before']).toBe('pass');
  });

  it('are judged at most every few hundred ms of wall time while the run plays, and not at all without a lesson', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: start, gen: 1 });
    loop.handle({ type: 'setLesson', lesson });
    loop.handle({ type: 'setSpeed', speed: 5 });
    loop.handle({ type: 'play' });
    const before = f.goals().length;
    f.runWall(3000);
    const during = f.goals().length - before;
    expect(during).toBeGreaterThan(3);
    expect(during).toBeLessThanOrEqual(Math.ceil(3000 / GOALS_EVERY_MS) + 1);
    loop.handle({ type: 'setLesson', lesson: null });
    const after = f.goals().length;
    f.runWall(2000);
    expect(f.goals().length).toBe(after);
  });

  it('end the run at the lesson\'s duration, exactly, even as fast as possible', () => {
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: start, gen: 1 });
    loop.handle({ type: 'setLesson', lesson });
    loop.handle({ type: 'setSpeed', speed: 'max' });
    loop.handle({ type: 'play' });
    f.runWall(20_000);
    expect(loop.isRunning()).toBe(false);
    const last = f.posts.filter((p) => p.type === 'snapshot').at(-1);
    expect(last).toMatchObject({ running: false, snapshot: { tMs: durationMs } });
    expect(f.goals().at(-1)?.nowMs).toBe(durationMs);
  });

  it('follow the edited scenario for structural goals (a live edit does not reload the run)', () => {
    const edgeLesson = { ...lesson, goals: [{ id: 'has-timeout', label: 'A timeout on api -> reco', bonus: false, check: { topology: 'edgeHas' as const, from: 'api', to: 'reco', field: 'timeoutMs' as const } }] };
    const f = fakeHost();
    const loop = createRunLoop(f.host);
    loop.handle({ type: 'load', scenario: start, gen: 1 });
    loop.handle({ type: 'setLesson', lesson: edgeLesson, scenario: start });
    expect(status(f.goals().at(-1))['has-timeout']).toBe('fail');
    const edited = parseScenarioOrThrow(applyPatch(start, [{ op: 'add', path: '/edges/1/timeoutMs', value: 200 }]));
    loop.handle({ type: 'setLesson', lesson: edgeLesson, scenario: edited });
    expect(status(f.goals().at(-1))['has-timeout']).toBe('pass');
  });
});

describe('the lesson worker\'s jobs', () => {
  it('checks a scenario on every seed: the start fails, the solution passes', () => {
    const failed = runLessonJob({ type: 'check', lesson, scenario: start });
    expect(failed).toMatchObject({ type: 'check', result: { passed: false, seeds: [1, 2, 3] } });
    const solved = runLessonJob({ type: 'check', lesson, scenario: applyPatch(start, lesson.solution) });
    expect(solved).toMatchObject({ type: 'check', result: { passed: true } });
  });

  it('runs the four proofs', () => {
    const a = runLessonJob({ type: 'prove', lesson });
    expect(a.type === 'prove' && a.proofs.map((p) => [p.proof, p.ok])).toEqual(expect.arrayContaining([['start fails', true], ['solution passes', true]]));
  });

  it('lists the figures of a run a goal can name, with their values', () => {
    const a = runLessonJob({ type: 'paths', scenario: start, durationMs: 5000, seed: 1 });
    const paths = a.type === 'paths' ? a.paths.map((p) => p.path) : [];
    expect(paths).toContain('clients.users.latencyMs.p99');
    expect(paths).toContain('edges.api->reco.calls');
    expect(paths.some((p) => p.startsWith('series') || p === 'seed' || p === 'durationMs')).toBe(false);
    expect(reportFigures({ seed: 1, a: { b: 2, c: 'x', d: [1] } })).toEqual([{ path: 'a.b', value: 2 }]);
  });

  it('answers a job that cannot run with a message, not a crash', () => {
    const broken = { version: 1 as const, name: 'x', nodes: [{ id: 'a', kind: 'service' as const, concurrency: 0 }] };
    expect(runLessonJob({ type: 'check', lesson, scenario: broken })).toMatchObject({ type: 'error', message: expect.stringContaining('nodes[0].concurrency') });
  });
});
