import { parseScenario } from '../scenario/parse';
import { problemsFromZod } from '../scenario/problems';
import { edgeKey } from '../engine/calls/edgeSchema';
import { evaluateCheck, leafChecks } from './checks';
import { prepareScenario, runForLesson, startReport, startScenario } from './checkLesson';
import { givenPaths } from './given';
import { applyPatch, PatchFailure } from './patch';
import { describeMissing, lookupScenario, thereIs } from './paths';
import { courseSchema, lessonSchema } from './schema';
import { LessonError, type Course, type Lesson } from './types';
import type { Report } from '../engine/metrics/report';
import type { ScenarioInput } from '../engine/model';

/** The largest lesson file accepted. */
export const MAX_LESSON_BYTES = 2_000_000;

function parseJson(text: string, file: string): unknown {
  if (text.length > MAX_LESSON_BYTES) throw new LessonError(file, '(file)', `is larger than ${MAX_LESSON_BYTES} bytes`);
  if (text.trim() === '') throw new LessonError(file, '(file)', 'is empty: expected a lesson in JSON');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new LessonError(file, '(file)', `is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Parses a lesson file: the schema, the scenario (as the scenario layer checks any file), and
 * what ties the parts together (ids, paths, fault names, patches). Throws a LessonError naming
 * the file and the field. Runs nothing; validateLessonPaths does.
 */
export function parseLesson(text: string, file: string): Lesson {
  const data = parseJson(text, file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new LessonError(file, '(top level)', 'expected a JSON object: a lesson');
  const r = lessonSchema.safeParse(data);
  if (!r.success) {
    const p = problemsFromZod(r.error)[0];
    throw new LessonError(file, p.path, p.message);
  }
  const lesson = r.data as unknown as Lesson;
  const s = parseScenario(lesson.scenario);
  if (!s.ok) throw new LessonError(file, `scenario.${s.problems[0].path}`, s.problems[0].message);
  crossCheckLesson(lesson, file, s.scenario.durationMs, s.scenario.warmupMs);
  return lesson;
}

function crossCheckLesson(lesson: Lesson, file: string, scenarioDurationMs: number, scenarioWarmupMs: number): void {
  const fail = (path: string, message: string): never => {
    throw new LessonError(file, path, message);
  };
  const durationMs = lesson.run.durationMs ?? scenarioDurationMs;
  const warmupMs = lesson.run.warmupMs ?? scenarioWarmupMs;
  if (warmupMs >= durationMs) fail('run.warmupMs', `must be shorter than the run (${durationMs} ms)`);
  lesson.run.seeds.forEach((seed, k) => lesson.run.seeds.indexOf(seed) !== k && fail(`run.seeds[${k}]`, `seed ${seed} is listed twice`));
  const goalIds = new Map<string, number>();
  lesson.goals.forEach((g, k) => {
    if (goalIds.has(g.id)) fail(`goals[${k}].id`, `duplicate goal id "${g.id}" (also goals[${goalIds.get(g.id)}])`);
    goalIds.set(g.id, k);
  });
  const faultIds = (lesson.scenario.faults ?? []).flatMap((f) => (f.id ? [f.id] : []));
  const needFault = (path: string, id: string) => {
    if (!faultIds.includes(id)) fail(path, `no fault with id "${id}" in the scenario${faultIds.length ? ` (${thereIs(faultIds.length)} ${faultIds.join(', ')})` : ': give the fault an "id"'}`);
  };
  lesson.goals.forEach((g, k) => leafChecks(g.check, `goals[${k}].check`).forEach(({ check, at }) => {
    if ('window' in check && check.window && 'fault' in check.window) needFault(`${at}.window.fault`, check.window.fault);
  }));
  const ids = new Set([...lesson.scenario.nodes.map((n) => n.id), ...(lesson.scenario.edges ?? []).map((e) => edgeKey(e.from, e.to))]);
  lesson.steps.forEach((st, k) => {
    st.spotlight?.forEach((id, m) => !ids.has(id) && fail(`steps[${k}].spotlight[${m}]`, `no node or edge "${id}" in the scenario`));
    if (st.action && 'fault' in st.action) needFault(`steps[${k}].action.fault`, st.action.fault);
    if (st.action && 'play' in st.action && st.action.play.untilMs > durationMs) fail(`steps[${k}].action.play.untilMs`, `is past the end of the run (${durationMs} ms)`);
  });
  const givens = givenPaths(lesson);
  givens.forEach((path, k) => {
    const r = lookupScenario(lesson.scenario, path, true);
    const at = k < lesson.given.length ? `given[${k}]` : `locks.fields[${k - lesson.given.length}].path`;
    if (!r.ok) fail(at, describeMissing(path, r).replace('does not exist', 'is not in the scenario'));
  });
  const patched = (path: string, ops: Lesson['solution']) => {
    let out: ScenarioInput;
    try {
      out = applyPatch(lesson.scenario, ops);
    } catch (e) {
      if (e instanceof PatchFailure) fail(`${path}[${e.index}]`, `${e.message} (patches apply to "scenario" as the file writes it)`);
      throw e;
    }
    const r = parseScenario(out);
    if (!r.ok) fail(path, `the patched scenario is not valid: ${r.problems[0].path}: ${r.problems[0].message}`);
  };
  patched('solution', lesson.solution);
  lesson.withhold.forEach((w, k) => patched(`withhold[${k}].patch`, w.patch));
}

/**
 * Runs the start scenario once (the first seed) and checks that every figure and series a
 * goal names exists in it, and every window has points. A path may also be one only the
 * solution makes (a node the student is to add): then the solution's run must have it.
 * Throws a LessonError naming the goal and the path.
 */
export function validateLessonPaths(lesson: Lesson, file = `${lesson.id}.json`): void {
  startScenario(lesson, file);
  const seed = lesson.run.seeds[0];
  const start = startReport(lesson, seed);
  if (start.stoppedEarly) throw new LessonError(file, 'scenario', `the start run stopped early: ${start.stoppedEarly}`);
  let solved: { report: Report; scenario: ScenarioInput } | null | undefined;
  const solutionRun = () => {
    if (solved !== undefined) return solved;
    solved = null;
    if (lesson.solution.length === 0) return solved;
    const prepared = prepareScenario(lesson, applyPatch(lesson.scenario, lesson.solution), file);
    if (prepared.parsed) solved = { report: runForLesson(lesson, prepared.parsed, seed), scenario: prepared.checked };
    return solved;
  };
  lesson.goals.forEach((g, k) => {
    for (const { check, at } of leafChecks(g.check, `goals[${k}].check`)) {
      if ('topology' in check) continue;
      const ctx = { report: start, reference: start, scenario: lesson.scenario, nowMs: start.simulatedMs, final: true, runEndMs: start.durationMs };
      const o = evaluateCheck(check, ctx);
      if (o.error === undefined) continue;
      const sol = solutionRun();
      if (sol && evaluateCheck(check, { ...ctx, report: sol.report, scenario: sol.scenario, nowMs: sol.report.simulatedMs }).error === undefined) continue;
      throw new LessonError(file, fieldOf(check, at), `goal "${g.id}": ${o.error}${sol ? ' (nor in the solution\'s run)' : ''}`);
    }
  });
}

/** The field of a leaf check that holds its path, for the message. */
function fieldOf(check: object, at: string): string {
  for (const key of ['metric', 'series', 'events']) if (key in check) return `${at}.${key}`;
  return at;
}

/**
 * A lesson in the course is named after its id (lessons/<id>.json): `verify` and the course's
 * test hold files to it. Drafts checked or graded elsewhere may be named anything.
 */
export function checkLessonFileName(lesson: Lesson, file: string): void {
  const base = file.split(/[\\/]/).pop() ?? file;
  if (base !== `${lesson.id}.json`) throw new LessonError(file, 'id', `"${lesson.id}" must match the file name (${base}): name the file ${lesson.id}.json`);
}

/** Parses and validates a lesson: what the CLI and the page do with a file or a link. */
export function loadLesson(text: string, file: string): Lesson {
  const lesson = parseLesson(text, file);
  validateLessonPaths(lesson, file);
  return lesson;
}

/** Parses lessons/course.json. */
export function parseCourse(text: string, file: string): Course {
  const data = parseJson(text, file);
  const r = courseSchema.safeParse(data);
  if (!r.success) {
    const p = problemsFromZod(r.error)[0];
    throw new LessonError(file, p.path, p.message);
  }
  return r.data;
}
