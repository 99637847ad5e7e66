/**
 * A teacher making a lesson from the page: the draft's edits, its goals, the recorded
 * solution and the four proofs (run in the lesson worker before the lesson is exported).
 */
import { diffScenarios } from '../lessons/patch';
import type { Goal, Lesson } from '../lessons/types';
import { send } from './engineBridge';
import { useStore } from './index';
import { runLessonJob } from './lessonBridge';
import type { AuthorDraft } from './lessonSlice';

function patchDraft(fn: (d: AuthorDraft) => void): void {
  useStore.setState((s) => {
    if (s.lesson.author) fn(s.lesson.author);
  });
}

/** Starts a draft (a lesson being played is left: the author panel takes its place). */
export function beginDraft(draft: AuthorDraft): void {
  useStore.setState((s) => {
    s.lesson.author = draft;
    s.lesson.open = null;
    s.lesson.courseOpen = false;
    s.lesson.chartPick = null;
    s.lesson.chartMark = null;
    delete s.lesson.progress.openId;
  });
  send({ type: 'setLesson', lesson: null });
}

export function endDraft(): void {
  useStore.setState((s) => {
    s.lesson.author = null;
    s.lesson.chartPick = null;
  });
}

export const editDraft = (fn: (d: AuthorDraft) => void): void => patchDraft((d) => {
  fn(d);
  d.proofs = null;
});

export function addGoal(goal: Goal): void {
  editDraft((d) => {
    d.goals.push(goal);
  });
}

export function removeGoal(id: string): void {
  editDraft((d) => {
    d.goals = d.goals.filter((g) => g.id !== id);
  });
}

/** The solution is what the teacher changed since the draft began. */
export function recordSolution(): void {
  const s = useStore.getState();
  const d = s.lesson.author;
  if (!d) return;
  const ops = diffScenarios(d.start, s.scenario).filter((op) => !/^\/nodes\/\d+\/position(\/|$)/.test(op.path));
  editDraft((x) => {
    x.solution = ops;
  });
}

let token = 0;

/** Runs the four proofs on the lesson (already checked by the parser) in the lesson worker. */
export async function proveDraft(lesson: Lesson): Promise<void> {
  const mine = ++token;
  patchDraft((d) => {
    d.proofs = { state: 'checking' };
  });
  const answer = await runLessonJob({ type: 'prove', lesson });
  if (mine !== token) return;
  patchDraft((d) => {
    d.proofs = answer.type === 'prove' ? { state: 'done', proofs: answer.proofs } : { state: 'error', message: answer.type === 'error' ? answer.message : 'no answer' };
  });
}
