/**
 * What a learner does with a lesson: open it, read the briefing, predict, run, get the
 * verdict, unlock hints, see the solution. Plain functions like the other actions; opening a
 * lesson's scenario (which lays it out) is done by the page (ui/lessons/openLesson.ts).
 */
import type { Lesson, LessonResult, Verdict } from '../lessons/types';
import { send } from './engineBridge';
import { useStore } from './index';
import { runLessonJob } from './lessonBridge';
import { mergeProgress, NO_PROGRESS, type Progress } from './lessonProgress';
import type { ChartPick, OpenLesson } from './lessonSlice';
import { play, reset, startFault } from './runActions';

const current = () => useStore.getState().lesson.open;

function patchOpen(fn: (o: OpenLesson) => void): void {
  useStore.setState((s) => {
    if (s.lesson.open) fn(s.lesson.open);
  });
}

export function setCourseOpen(open: boolean): void {
  useStore.setState((s) => {
    s.lesson.courseOpen = open;
  });
}

/** Shows the lesson's panel (its scenario is already loaded) and starts evaluating its goals. */
export function startLesson(lesson: Lesson, custom: boolean): void {
  useStore.setState((s) => {
    s.lesson.open = {
      lesson, custom, step: 0, prediction: null, revealed: false, live: null, final: null,
      failedRuns: 0, solutionShown: false, collapsed: false, playUntilMs: null,
    };
    s.lesson.courseOpen = false;
    s.lesson.chartMark = null;
    s.lesson.author = null;
    if (custom) delete s.lesson.progress.openId;
    else s.lesson.progress.openId = lesson.id;
  });
  send({ type: 'setLesson', lesson, scenario: useStore.getState().scenario });
}

export function closeLesson(): void {
  useStore.setState((s) => {
    s.lesson.open = null;
    s.lesson.chartMark = null;
    delete s.lesson.progress.openId;
  });
  send({ type: 'setLesson', lesson: null });
}

export function goToStep(step: number): void {
  patchOpen((o) => {
    o.step = Math.max(0, Math.min(o.lesson.steps.length - 1, step));
  });
}

export function setPrediction(choice: number): void {
  patchOpen((o) => {
    if (!o.revealed) o.prediction = choice;
  });
}

export function toggleLessonPanel(): void {
  patchOpen((o) => {
    o.collapsed = !o.collapsed;
  });
}

/** A step's action: play until a time (from the start when the clock is past it), or start a fault of the scenario. */
export function runStepAction(action: Lesson['steps'][number]['action']): void {
  const o = current();
  if (!o || !action) return;
  if ('play' in action) {
    if (useStore.getState().run.simTimeMs >= action.play.untilMs) reset(false);
    patchOpen((x) => {
      x.playUntilMs = action.play.untilMs;
    });
    play();
    return;
  }
  const fault = (o.lesson.scenario.faults ?? []).find((f) => (f as { id?: string }).id === action.fault);
  if (!fault) return;
  startFault(fault as Parameters<typeof startFault>[0]);
  if (useStore.getState().run.status !== 'running') play();
}

export function clearPlayUntil(): void {
  patchOpen((o) => {
    o.playUntilMs = null;
  });
}

/** Runs the lesson again from time 0. */
export function runAgain(): void {
  useStore.setState((s) => {
    s.lesson.chartMark = null;
  });
  reset(false);
  play();
}

export function clearRunVerdict(): void {
  patchOpen((o) => {
    o.final = null;
  });
}

let checkToken = 0;

/**
 * The run reached the lesson's duration: the verdict that counts is the lesson's full check
 * (every seed, the given parts put back), done in the lesson worker on the scenario as it is.
 */
export async function checkRun(): Promise<void> {
  const o = current();
  if (!o) return;
  const token = ++checkToken;
  patchOpen((x) => {
    x.revealed = true;
    x.final = { state: 'checking' };
  });
  const answer = await runLessonJob({ type: 'check', lesson: o.lesson, scenario: useStore.getState().scenario });
  if (token !== checkToken || current()?.lesson !== o.lesson) return;
  if (answer.type !== 'check') {
    const message = answer.type === 'error' ? answer.message : 'the checker gave no verdict';
    patchOpen((x) => {
      x.final = { state: 'error', message };
    });
    return;
  }
  const result = answer.result;
  patchOpen((x) => {
    x.final = { state: 'done', result };
    if (!result.passed) x.failedRuns += 1;
  });
  const after = current();
  if (after && !after.custom) recordRun(after.lesson.id, result, after.solutionShown);
}

/** Counts a checked run in the progress: solved (with help when the solution was shown first), bonus goals met. */
function recordRun(id: string, result: LessonResult, withSolution: boolean): void {
  useStore.setState((s) => {
    const p = s.lesson.progress.lessons[id] ?? NO_PROGRESS;
    const cleanBefore = p.solved && !p.withHelp;
    const bonus = result.passed ? result.goals.filter((g) => g.bonus && g.status === 'pass').map((g) => g.goal) : [];
    s.lesson.progress.lessons[id] = {
      solved: p.solved || result.passed,
      withHelp: result.passed ? !cleanBefore && withSolution : p.withHelp,
      bonus: [...new Set([...p.bonus, ...bonus])],
      runs: p.runs + 1,
    };
  });
}

/** The solution is about to be applied: from now on a pass counts as solved with help. */
export function markSolutionShown(): void {
  patchOpen((o) => {
    o.solutionShown = true;
    o.final = null;
  });
}

/** Marks the moment a series goal broke on the dashboard charts. */
export function showOnChart(v: Pick<Verdict, 'brokeAtMs' | 'seed'> & { label: string }): void {
  if (v.brokeAtMs === undefined) return;
  const atMs = v.brokeAtMs;
  useStore.setState((s) => {
    s.lesson.chartMark = { atMs, label: v.seed !== undefined ? `${v.label} (seed ${v.seed})` : v.label };
  });
}

export function clearChartMark(): void {
  useStore.setState((s) => {
    s.lesson.chartMark = null;
  });
}

/** Adds a progress file to what this browser knows (a lesson solved in either stays solved). */
export function importProgress(p: Progress): void {
  useStore.setState((s) => {
    s.lesson.progress = mergeProgress(s.lesson.progress, p);
  });
}

export function setChartPick(pick: ChartPick | null): void {
  useStore.setState((s) => {
    s.lesson.chartPick = pick;
  });
}
