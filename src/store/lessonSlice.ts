/**
 * The lesson being played (if any), the course dialog, the author's draft and the progress
 * kept between visits. Plain data like every slice; the actions are in lessonActions.ts.
 */
import type { Operation } from '../lessons/patch';
import type { Lesson, LessonResult, ProofResult, Verdict } from '../lessons/types';
import type { Scenario } from './types';
import { loadProgress, type Progress } from './lessonProgress';

export type FinalCheck =
  | { state: 'checking' }
  | { state: 'done'; result: LessonResult }
  | { state: 'error'; message: string };

export interface OpenLesson {
  lesson: Lesson;
  /** Opened from a file or a link rather than the built-in course (its progress is not kept). */
  custom: boolean;
  /** The briefing step shown. */
  step: number;
  /** The choice the learner made for the prediction question, if any. */
  prediction: number | null;
  /** The prediction's answer shows once a run has ended. */
  revealed: boolean;
  /** The goals as the worker evaluates them on the live run. */
  live: { nowMs: number; verdicts: Verdict[] } | null;
  /** The full check (every seed) of the last run that reached the lesson's duration. */
  final: FinalCheck | null;
  /** Runs whose full check failed: one hint unlocks per failed run. */
  failedRuns: number;
  solutionShown: boolean;
  collapsed: boolean;
  /** A step's "play until" target: the run pauses when the clock reaches it. */
  playUntilMs: number | null;
}

/** A point picked on a dashboard chart while a lesson is being made. */
export interface ChartPick {
  tMs: number;
  /** Every line of the chart at that moment: its series path and value. */
  lines: { series: string; name: string; value: number }[];
}

export interface AuthorDraft {
  /** The scenario the lesson starts from (the page's scenario when the draft was made). */
  start: Scenario;
  meta: { id: string; title: string; sequence: string; minutes: number; difficulty: 'easy' | 'medium' | 'hard'; concepts: string; guide: string };
  run: { seeds: number[]; durationMs: number; warmupMs: number };
  steps: string;
  hints: string;
  debrief: string;
  goals: Lesson['goals'];
  solution: Operation[] | null;
  proofs: { state: 'checking' } | { state: 'done'; proofs: ProofResult[] } | { state: 'error'; message: string } | null;
}

export interface LessonState {
  open: OpenLesson | null;
  courseOpen: boolean;
  /** Where the dashboard charts mark the moment a goal broke. */
  chartMark: { atMs: number; label: string } | null;
  author: AuthorDraft | null;
  chartPick: ChartPick | null;
  progress: Progress;
}

export const initialLesson = (): LessonState => ({
  open: null,
  courseOpen: false,
  chartMark: null,
  author: null,
  chartPick: null,
  progress: loadProgress(),
});

export interface LessonSlice {
  lesson: LessonState;
}

export const createLessonSlice = (): LessonSlice => ({ lesson: initialLesson() });
