import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureData, lessonOf, ROOT } from '../../tests/lessons/helpers';
import { checkLessonFileName, loadLesson, parseCourse, parseLesson, validateLessonPaths } from './loadLesson';
import { LessonError } from './types';

/** The error a broken variant of the fixture gives (its one line). */
function errorOf(edit: (d: ReturnType<typeof fixtureData>) => void, validate = false): string {
  const d = fixtureData('slow-dependency');
  edit(d);
  try {
    const lesson = lessonOf(d);
    if (validate) validateLessonPaths(lesson);
  } catch (e) {
    expect(e).toBeInstanceOf(LessonError);
    return (e as Error).message;
  }
  return 'no error';
}

describe('parseLesson', () => {
  it('reads the fixture with its defaults filled in', () => {
    const l = lessonOf(fixtureData('slow-dependency'));
    expect(l.aboutCapacity).toBe(false);
    expect(l.goals.map((g) => g.bonus)).toEqual([false, false, true]);
    expect(l.run).toEqual({ seeds: [1, 2, 3], durationMs: 30_000, warmupMs: 2000 });
    expect(l.scenario).toEqual(fixtureData('slow-dependency').scenario); // as the file writes it: no defaults
  });

  it('refuses text that is not a lesson, naming the file', () => {
    expect(() => parseLesson('{ nope', 'x.json')).toThrow(/^x\.json: \(file\): is not valid JSON/);
    expect(() => parseLesson('', 'x.json')).toThrow('x.json: (file): is empty: expected a lesson in JSON');
    expect(() => parseLesson('[1]', 'x.json')).toThrow('x.json: (top level): expected a JSON object: a lesson');
  });

  it('names the field of a schema mistake', () => {
    expect(errorOf((d) => (d.sequence = 'Basics'))).toBe('slow-dependency.json: sequence: sequence must be one of "Foundations", "Resilience", "Data and messaging", "Scaling and operations"');
    expect(errorOf((d) => (d.goals[0].check.op = '=<'))).toBe('slow-dependency.json: goals[0].check.op: op must be one of < <= > >= == !=');
    expect(errorOf((d) => (d.goals[1].check = { metrics: 'x' }))).toBe('slow-dependency.json: goals[1].check: a check must have one of the keys metric, series, events, topology, all, any, not');
    expect(errorOf((d) => (d.goals[0].check.agg = 'median'))).toBe('slow-dependency.json: goals[0].check.agg: agg must be one of max, min, mean, last, sum, p95');
    expect(errorOf((d) => (d.predict.answer = 2))).toBe('slow-dependency.json: predict.answer: answer must be the index of one of the choices');
    expect(errorOf((d) => (d.extra = 1))).toBe('slow-dependency.json: (top level): unknown field "extra"');
  });

  it('checks the scenario as the scenario layer does, under "scenario."', () => {
    expect(errorOf((d) => (d.scenario.edges[1].to = 'nowhere'))).toBe('slow-dependency.json: scenario.edges[1].to: unknown node "nowhere"');
    expect(errorOf((d) => d.scenario.faults.push({ ...d.scenario.faults[0] }))).toMatch(/scenario\.faults\[1\]\.id: duplicate fault id "reco-slow"/);
  });

  it('ties the parts together: file name, goal ids, fault ids, spotlights, given paths, patches', () => {
    const renamed = parseLesson(JSON.stringify(fixtureData('slow-dependency')), 'drafts/renamed.json'); // a draft may be named anything
    expect(() => checkLessonFileName(renamed, 'lessons/renamed.json')).toThrow('lessons/renamed.json: id: "slow-dependency" must match the file name (renamed.json): name the file slow-dependency.json');
    expect(() => checkLessonFileName(renamed, 'lessons/slow-dependency.json')).not.toThrow();
    expect(errorOf((d) => (d.goals[1].id = d.goals[0].id))).toBe('slow-dependency.json: goals[1].id: duplicate goal id "fast-during-fault" (also goals[0])');
    expect(errorOf((d) => (d.goals[0].check.window.fault = 'reco-down'))).toBe('slow-dependency.json: goals[0].check.window.fault: no fault with id "reco-down" in the scenario (there is reco-slow)');
    expect(errorOf((d) => (d.steps[2].action.fault = 'x'))).toMatch(/^slow-dependency\.json: steps\[2\]\.action\.fault: no fault with id "x"/);
    expect(errorOf((d) => (d.steps[0].spotlight = ['api->db']))).toBe('slow-dependency.json: steps[0].spotlight[0]: no node or edge "api->db" in the scenario');
    expect(errorOf((d) => (d.given = ['nodes.recco.serviceTimeMs']))).toBe('slow-dependency.json: given[0]: "nodes.recco.serviceTimeMs" is not in the scenario: no "recco" under nodes (there are users, api, reco)');
    expect(errorOf((d) => (d.locks.fields[0].path = 'edges.api->x.timeoutMs'))).toMatch(/^slow-dependency\.json: locks\.fields\[0\]\.path: /);
    expect(errorOf((d) => (d.solution[1].path = '/edges/5/fallback'))).toBe('slow-dependency.json: solution[1]: add /edges/5/fallback: the parent of the path does not exist in the scenario (patches apply to "scenario" as the file writes it)');
    expect(errorOf((d) => (d.withhold[0].patch[0].value = -5))).toBe('slow-dependency.json: withhold[0].patch: the patched scenario is not valid: edges[1].timeoutMs: timeoutMs must be > 0');
    expect(errorOf((d) => (d.run.warmupMs = 30_000))).toBe('slow-dependency.json: run.warmupMs: must be shorter than the run (30000 ms)');
  });
});

describe('validateLessonPaths', () => {
  it('accepts the fixture', () => {
    expect(errorOf(() => {}, true)).toBe('no error');
  });

  it('refuses a path the start run does not have, naming the goal and the path', () => {
    expect(errorOf((d) => (d.goals[1].check.metric = 'clients.userz.errorRate'), true))
      .toBe('slow-dependency.json: goals[1].check.metric: goal "answered": "clients.userz.errorRate" does not exist: no "userz" under clients (there is users) in this run (nor in the solution\'s run)');
    expect(errorOf((d) => (d.goals[0].check.series = 'series.nodes.reco.depth'), true)).toMatch(/goals\[0\]\.check\.series: goal "fast-during-fault": "series.nodes.reco.depth" does not exist: no "depth" under series.nodes.reco/);
    expect(errorOf((d) => (d.goals[2].check.value.reference = 'clients.users.latencyMs.p42'), true)).toMatch(/goal "no-slower-than-before": "clients.users.latencyMs.p42" does not exist/);
    expect(errorOf((d) => (d.goals[1].check = { all: [d.goals[1].check, { metric: 'nodes.api.utilisation', op: '<', value: 1 }] }), true))
      .toMatch(/^slow-dependency\.json: goals\[1\]\.check\.all\[1\]\.metric: goal "answered": "nodes.api.utilisation" does not exist/);
  });

  it('refuses a window with no points in the run', () => {
    expect(errorOf((d) => (d.goals[0].check.window = { fromMs: 40_000, toMs: 50_000 }), true))
      .toMatch(/^slow-dependency\.json: goals\[0\]\.check\.series: goal "fast-during-fault": max of series\.clients\.users\.latencyP99Ms over 40–50 s: the window has no series points \(the run has points from 0 to 29 s\)/);
  });

  it('accepts a figure only the solution makes (a node the student is to add)', () => {
    const add = (d: ReturnType<typeof fixtureData>) => {
      d.solution = [{ op: 'add', path: '/nodes/-', value: { id: 'cache', kind: 'service', serviceTimeMs: 1 } }, { op: 'add', path: '/edges/-', value: { from: 'api', to: 'cache' } }];
      d.goals.push({ id: 'cached', label: 'a cache serves', check: { metric: 'nodes.cache.completed', op: '>', value: 0 }, bonus: true });
    };
    expect(errorOf(add, true)).toBe('no error');
    expect(errorOf((d) => {
      add(d);
      d.goals.at(-1).check.metric = 'nodes.cachee.completed';
    }, true)).toMatch(/goal "cached": "nodes.cachee.completed" does not exist.*\(nor in the solution's run\)/);
  });

  it('loadLesson parses and validates in one go', () => {
    const text = readFileSync(`${ROOT}/tests/lessons/fixtures/slow-dependency.json`, 'utf8');
    expect(loadLesson(text, 'slow-dependency.json').id).toBe('slow-dependency');
    expect(() => loadLesson(text.replace('"clients.users.errorRate"', '"clients.user.errorRate"'), 'slow-dependency.json')).toThrow(/clients\.user\.errorRate/);
  });
});

describe('parseCourse', () => {
  it('reads lessons/course.json: the four sequences in order, each with an intro', () => {
    const course = parseCourse(readFileSync(`${ROOT}/lessons/course.json`, 'utf8'), 'lessons/course.json');
    expect(course.sequences.map((s) => s.name)).toEqual(['Foundations', 'Resilience', 'Data and messaging', 'Scaling and operations']);
    for (const s of course.sequences) expect(s.intro.length).toBeGreaterThan(20);
  });

  it('names the field of a mistake', () => {
    expect(() => parseCourse('{"sequences":[{"name":"Basics","intro":"x"}]}', 'course.json')).toThrow(/^course\.json: sequences\[0\]\.name: name must be one of/);
  });
});
