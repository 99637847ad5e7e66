/**
 * Opening a lesson: its start scenario (or a learner's attempt) replaces the one being edited
 * as one undoable step, like opening a preset, then the lesson panel appears. The scenario is
 * set to the lesson's run (its first seed, its duration and warm-up) so the live run is the
 * first run the check makes.
 */
import { runSettings } from '../../lessons/checkLesson';
import { applyPatch } from '../../lessons/patch';
import type { Lesson } from '../../lessons/types';
import { parseScenario, type ParseResult } from '../../scenario/parse';
import { useStore } from '../../store';
import { markSolutionShown, startLesson } from '../../store/lessonActions';
import type { Scenario } from '../../store/types';
import { showNotice } from '../../store/uiActions';
import { openScenario } from '../persistence/openScenario';

/** A scenario of the lesson (its start, or its start with a patch) set to the lesson's run. */
export function lessonScenario(lesson: Lesson, scenario: unknown = lesson.scenario): ParseResult {
  const { durationMs, warmupMs } = runSettings(lesson);
  return parseScenario({ ...(scenario as object), seed: lesson.run.seeds[0], durationMs, warmupMs });
}

export async function openLesson(lesson: Lesson, { custom, attempt = null }: { custom: boolean; attempt?: Scenario | null }): Promise<boolean> {
  const result: ParseResult = attempt ? { ok: true, scenario: attempt, warnings: [] } : lessonScenario(lesson);
  const ok = await openScenario(result, `The lesson "${lesson.title}"`);
  if (ok) startLesson(lesson, custom);
  return ok;
}

/** Applies the lesson's solution to its start (undo brings the learner's scenario back). */
export async function showSolution(): Promise<void> {
  const open = useStore.getState().lesson.open;
  if (!open) return;
  let patched: unknown;
  try {
    patched = applyPatch(open.lesson.scenario, open.lesson.solution);
  } catch (e) {
    showNotice({ tone: 'error', title: 'The solution could not be applied', lines: [(e as Error).message] });
    return;
  }
  if (await openScenario(lessonScenario(open.lesson, patched), 'The solution')) markSolutionShown();
}
