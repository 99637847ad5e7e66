/**
 * TEMPORARY: the lesson module's API as its contract describes it, until src/lessons is
 * merged. The page is written against these names; this file goes when the module arrives.
 */
import type { Operation } from 'fast-json-patch';
import type { Report } from './engine/metrics/report';
import type { ScenarioInput } from './engine/model';

export type { Operation };
export type Op = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type Window = { fromMs: number; toMs: number } | { fault: string; padMs?: number };
export type Value = number | { metric: string; times: number } | { reference: string; times: number };
export type Check =
  | { metric: string; op: Op; value: Value }
  | { series: string; window: Window; agg: 'max' | 'min' | 'mean' | 'last' | 'sum' | 'p95'; op: Op; value: Value }
  | { events: { kind: string; node?: string; edge?: string; match?: string }; window?: Window; op: Op; value: number }
  | { topology: string; from?: string; to?: string; fromKind?: string; toKind?: string; kind?: string; min?: number; field?: string }
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check };
export interface Goal { id: string; label: string; check: Check; bonus: boolean }
export type Figure = number | boolean | string | null;
export interface Lesson {
  lessonVersion: 1;
  id: string;
  title: string;
  concepts: string[];
  minutes: number;
  difficulty: 'easy' | 'medium' | 'hard';
  sequence: string;
  order: number;
  aboutCapacity: boolean;
  scenario: ScenarioInput;
  given: string[];
  locks?: { kinds?: string[]; fields?: { path: string; reason: string }[] };
  run: { seeds: number[]; durationMs?: number; warmupMs?: number };
  steps: { text: string; spotlight?: string[]; action?: { play: { untilMs: number } } | { fault: string } }[];
  predict?: { question: string; choices: string[]; answer: number; explain: string };
  goals: Goal[];
  hints: string[];
  solution: Operation[];
  withhold: { name: string; patch: Operation[] }[];
  debrief: string;
  guide?: string;
}
export interface Verdict {
  goal: string;
  status: 'pass' | 'fail' | 'pending';
  actual: Figure;
  limit: Figure;
  op: string;
  seed?: number;
  brokeAtMs?: number;
  message: string;
  error?: string;
}
export interface GoalResult extends Omit<Verdict, 'error'> { label: string; bonus: boolean }
export interface LessonResult { passed: boolean; goals: GoalResult[]; seeds: number[] }
export interface ProofResult { proof: string; ok: boolean; detail: string }

export class LessonError extends Error {
  constructor(public file: string, public path: string, message: string) {
    super(`${file}: ${path}: ${message}`);
  }
}

const missing = (): never => {
  throw new Error('the lesson checker is not part of this build yet');
};

export const parseLesson = (text: string, file: string): Lesson => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LessonError(file, '(file)', `is not valid JSON: ${(e as Error).message}`);
  }
  return data as Lesson;
};
export const applyGiven = (_l: Lesson, s: ScenarioInput): ScenarioInput => s;
export const applyPatch = (_s: ScenarioInput, _ops: Operation[]): ScenarioInput => missing();
export const diffScenarios = (_a: ScenarioInput, _b: ScenarioInput): Operation[] => missing();
export const evaluateGoals = (_l: Lesson, _r: Report, _o: { reference?: Report; nowMs?: number; final: boolean; scenario: ScenarioInput }): Verdict[] => missing();
export const checkLesson = (_l: Lesson, _s: ScenarioInput | null, _o?: { seeds?: number[] }): LessonResult => missing();
export const proveLesson = (_l: Lesson): ProofResult[] => missing();
