/** Selectors for the open lesson, stable by identity (the lesson object never changes while open). */
import { kindCan } from '../engine/kinds';
import type { Lesson } from '../lessons/types';
import type { AppState } from './types';

const NONE: readonly string[] = [];
const NO_LOCKS: ReadonlyMap<string, string> = new Map();

export const selectOpenLesson = (s: AppState) => s.lesson.open;
export const selectCourseOpen = (s: AppState) => s.lesson.courseOpen;
export const selectProgress = (s: AppState) => s.lesson.progress;
export const selectChartMark = (s: AppState) => s.lesson.chartMark;
export const selectAuthor = (s: AppState) => s.lesson.author;
export const selectChartPick = (s: AppState) => s.lesson.chartPick;
/** Whether clicking a chart picks a point for a goal (a lesson is being made). */
export const selectPicking = (s: AppState) => s.lesson.author !== null;

/** The node ids and edges "a->b" the briefing step shown names (none while the panel is folded). */
export const selectSpotlight = (s: AppState): readonly string[] => {
  const o = s.lesson.open;
  if (!o || o.collapsed) return NONE;
  return o.lesson.steps[o.step]?.spotlight ?? NONE;
};

/** The palette kinds the lesson offers; null when every kind is. */
export const selectAllowedKinds = (s: AppState): readonly string[] | null => s.lesson.open?.lesson.locks?.kinds ?? null;

export const GIVEN_REASON = 'Part of the lesson\'s setup: the check puts the lesson\'s own value back.';

const tables = new WeakMap<Lesson, ReadonlyMap<string, string>>();

/**
 * Scenario paths the learner may not change, with the reason: the lesson's locked fields,
 * then what the check puts back anyway (its `given` paths, client loads, duration and seed).
 */
export function lockTable(lesson: Lesson): ReadonlyMap<string, string> {
  let t = tables.get(lesson);
  if (!t) {
    const m = new Map<string, string>();
    for (const f of lesson.locks?.fields ?? []) m.set(f.path, f.reason);
    const clients = (lesson.scenario.nodes as { id: string; kind: string }[]).filter((n) => kindCan(n.kind, 'source')).map((n) => `nodes.${n.id}.load`);
    for (const p of [...(lesson.given ?? []), ...clients, 'durationMs', 'seed']) if (!m.has(p)) m.set(p, GIVEN_REASON);
    t = m;
    tables.set(lesson, t);
  }
  return t;
}

export const selectLocks = (s: AppState): ReadonlyMap<string, string> => (s.lesson.open ? lockTable(s.lesson.open.lesson) : NO_LOCKS);

/**
 * Why the field at `path` (a scenario path: nodes.payments.serviceTimeMs) may not be changed,
 * or undefined. A field is locked when it or a field around it is; a field drawn whole (a
 * distribution, a list edited as JSON) also when something inside it is.
 */
export function lockReason(locks: ReadonlyMap<string, string>, path: string, whole: boolean): string | undefined {
  for (const [p, reason] of locks) {
    if (path === p || path.startsWith(`${p}.`)) return reason;
    if (whole && p.startsWith(`${path}.`)) return reason;
  }
  return undefined;
}
