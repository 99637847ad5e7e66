/**
 * The presenter's script as the page plays it: the scenario's beats (or, for a lesson that
 * has none, its steps), and the pure rules for moving through them by time or by key.
 */
import type { Beat, BeatAction } from '../../engine/presentation/schema';
import type { Lesson } from '../../lessons/types';
import type { Scenario } from '../../store/types';

type StepAction = NonNullable<Lesson['steps'][number]['action']>;

/** One beat, from a scenario's script or a lesson's step. */
export interface ScriptBeat {
  atMs?: number;
  caption: string;
  notes?: string;
  /** Nodes (or calls "a->b") the spotlight follows while the beat is on. */
  focus: string[];
  action?: BeatAction;
  /** A lesson step's own action (play until a time, start one of its faults). */
  stepAction?: StepAction;
}

export interface Script {
  title: string;
  from: 'scenario' | 'lesson' | 'none';
  beats: ScriptBeat[];
}

export function beatsOfScenario(beats: readonly Beat[]): ScriptBeat[] {
  return beats.map((b) => ({ atMs: b.atMs, caption: b.caption, notes: b.notes, focus: b.focus === undefined ? [] : [b.focus], action: b.action }));
}

export function beatsOfLesson(lesson: Lesson): ScriptBeat[] {
  return lesson.steps.map((st) => ({ caption: st.text, focus: st.spotlight ?? [], stepAction: st.action }));
}

/** The scenario's own script first; else the open lesson's steps; else nothing to play. */
export function scriptOf(scenario: Scenario, lesson: Lesson | null): Script {
  const beats = scenario.presentation?.beats ?? [];
  if (beats.length > 0) return { title: scenario.name, from: 'scenario', beats: beatsOfScenario(beats) };
  if (lesson) return { title: lesson.title, from: 'lesson', beats: beatsOfLesson(lesson) };
  return { title: scenario.name, from: 'none', beats: [] };
}

/** "1:05" for 65 000 ms of simulated time. */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "0:30 Spike the load x5", or the caption alone for a beat the arrow key brings on. */
export function beatLabel(b: ScriptBeat): string {
  return b.atMs === undefined ? b.caption : `${clock(b.atMs)} ${b.caption}`;
}

/**
 * Where the script stands: `fired` beats have fired (in order), and the caption of beat
 * `shown` is on screen (-1: none yet). Going back shows an earlier caption again without
 * undoing what its beat did; going forward shows the later ones again before firing a new one.
 */
export interface Cursor {
  fired: number;
  shown: number;
}

export const START: Cursor = { fired: 0, shown: -1 };

/** The arrow key: the next caption, firing its beat when it has not fired yet. */
export function advance(c: Cursor, count: number): { cursor: Cursor; fire: number | null } {
  if (c.shown < c.fired - 1) return { cursor: { ...c, shown: c.shown + 1 }, fire: null };
  if (c.fired >= count) return { cursor: c, fire: null };
  return { cursor: { fired: c.fired + 1, shown: c.fired }, fire: c.fired };
}

export function back(c: Cursor): Cursor {
  return { ...c, shown: Math.max(-1, c.shown - 1) };
}

/**
 * The beats whose time the run has reached, in order. A beat without a time waits for the
 * arrow key, and the beats after it wait with it: the script plays in order.
 */
export function dueBeats(c: Cursor, beats: readonly ScriptBeat[], simTimeMs: number): { cursor: Cursor; fire: number[] } {
  const fire: number[] = [];
  let i = c.fired;
  while (i < beats.length && beats[i].atMs !== undefined && simTimeMs >= beats[i].atMs!) fire.push(i++);
  return fire.length === 0 ? { cursor: c, fire } : { cursor: { fired: i, shown: i - 1 }, fire };
}
