import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseScenarioText } from '../scenario/parse';
import { checkLesson } from '../lessons/checkLesson';
import { fmt } from '../lessons/compare';
import { checkLessonFileName, loadLesson, parseLesson } from '../lessons/loadLesson';
import { proveLesson } from '../lessons/proofs';
import { LessonError, type Figure, type GoalResult, type Lesson, type LessonResult, type ProofResult } from '../lessons/types';
import type { ScenarioInput } from '../engine/model';

/**
 * The work of `npm run lesson` on one file: done in the main thread or in a worker thread of
 * the grading pool (which loads this module, bundled with the CLI, by this URL).
 */
export const TASKS_URL = import.meta.url;

/** A file's text, or a LessonError that says in words why it cannot be read. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LessonError(file, '(file)', code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? (e as Error).message})`);
  }
}

/** Reads a scenario file as the CLI reads any scenario: one LessonError naming the file and the field. */
export function readScenario(file: string): ScenarioInput {
  const text = readText(file);
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new LessonError(file, parsed.problems[0].path, parsed.problems[0].message);
  return JSON.parse(text) as ScenarioInput;
}

/** Reads, parses and validates a lesson file (its start runs once to check the goals' paths). */
export function readLesson(file: string): Lesson {
  return loadLesson(readText(file), file);
}

/** One submission's line in a grade: pass or fail with the goals met, or why it could not be judged. */
export interface GradeRow {
  file: string;
  result: 'pass' | 'fail' | 'error';
  goalsPassed: number;
  goalsTotal: number;
  firstFailing?: { goal: string; actual: Figure; op: string; limit: Figure; seed?: number; message: string };
  /** Why the file could not be judged (result 'error'). */
  message?: string;
}

export function gradeRow(file: string, result: LessonResult): GradeRow {
  const decisive = result.goals.filter((g) => !g.bonus);
  const bad = decisive.find((g) => g.status !== 'pass');
  return {
    file, result: result.passed ? 'pass' : 'fail',
    goalsPassed: decisive.filter((g) => g.status === 'pass').length, goalsTotal: decisive.length,
    ...(bad ? { firstFailing: { goal: bad.goal, actual: bad.actual, op: bad.op, limit: bad.limit, ...(bad.seed !== undefined ? { seed: bad.seed } : {}), message: bad.message } } : {}),
  };
}

const lessons = new Map<string, Lesson>();

/** The task a grading worker runs: judge one scenario file against the lesson (parsed once per worker). */
export function gradeTask(task: { lessonFile: string; lessonText: string; file: string }): GradeRow {
  const name = basename(task.file);
  try {
    const key = `${task.lessonFile}\u0000${task.lessonText}`;
    let lesson = lessons.get(key);
    if (!lesson) lessons.set(key, (lesson = parseLesson(task.lessonText, task.lessonFile)));
    return gradeRow(name, checkLesson(lesson, readScenario(task.file), { file: name }));
  } catch (e) {
    const message = e instanceof LessonError ? `${name}: ${e.path}: ${e.problem}` : `internal error: ${(e as Error)?.message ?? String(e)}`;
    return { file: name, result: 'error', goalsPassed: 0, goalsTotal: 0, message };
  }
}

/** One lesson's proofs, or why the file is not a lesson. */
export interface VerifyOutcome {
  file: string;
  id?: string;
  proofs: ProofResult[];
  error?: string;
}

/** The task a verifying worker runs: load a lesson and run its four proofs. */
export function verifyTask(task: { file: string }): VerifyOutcome {
  try {
    const lesson = readLesson(task.file);
    checkLessonFileName(lesson, task.file);
    return { file: task.file, id: lesson.id, proofs: proveLesson(lesson) };
  } catch (e) {
    return { file: task.file, proofs: [], error: e instanceof LessonError ? e.message : `${task.file}: internal error: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** "7524 needs <= 500": a goal's figure against its limit. */
export function figureText(g: Pick<GoalResult, 'actual' | 'op' | 'limit'>): string {
  const show = (v: Figure) => (typeof v === 'number' ? fmt(v) : v === null ? '-' : String(v));
  return g.actual === null ? 'could not be measured' : `${show(g.actual)} ${g.op} ${show(g.limit)}`.trim();
}
