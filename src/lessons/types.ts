import type { z } from 'zod';
import type { ScenarioInput } from '../engine/model';
import type { courseSchema, lessonSchema } from './schema';

export type { Agg, Check, CheckInput, Op } from './schema';

/** A parsed lesson. `scenario` is the start scenario exactly as the file writes it (defaults left out). */
export type Lesson = Omit<z.output<typeof lessonSchema>, 'scenario'> & { scenario: ScenarioInput };
/** A lesson as a file may write it. */
export type LessonInput = Omit<z.input<typeof lessonSchema>, 'scenario'> & { scenario: ScenarioInput };
export type Goal = Lesson['goals'][number];
export type Course = z.output<typeof courseSchema>;

/** What a verdict shows as the figure and the limit: a number, a yes/no, or nothing measurable. */
export type Figure = number | boolean | string | null;

/** A goal judged on one run. */
export interface Verdict {
  goal: string;
  status: 'pass' | 'fail' | 'pending';
  actual: Figure;
  limit: Figure;
  /** The comparison, e.g. "<=", or the name of a structural fact. */
  op: string;
  /** The seed of the run judged (for a whole lesson check: the first seed on which the goal failed). */
  seed?: number;
  /** Series goals: the first moment (ms) the condition broke. */
  brokeAtMs?: number;
  message: string;
  /** Set when the goal could not be judged at all (a path the run does not have, a window without points). */
  error?: string;
}

/** A goal judged over every seed of the lesson's run: the verdict of the seed that decides it. */
export interface GoalResult extends Omit<Verdict, 'error'> {
  label: string;
  bonus: boolean;
}

export interface LessonResult {
  /** Every non-bonus goal passed on every seed. */
  passed: boolean;
  goals: GoalResult[];
  seeds: number[];
}

export interface ProofResult {
  proof: string;
  ok: boolean;
  detail: string;
}

/**
 * A bad lesson or scenario: one line naming the file and the field. `message` is that whole
 * line; `problem` is the text after the field.
 */
export class LessonError extends Error {
  readonly file: string;
  readonly path: string;
  readonly problem: string;
  constructor(file: string, path: string, problem: string) {
    super(`${file}: ${path}: ${problem}`);
    this.name = 'LessonError';
    this.file = file;
    this.path = path;
    this.problem = problem;
  }
}
