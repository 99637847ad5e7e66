/**
 * Keeps an open lesson in step with the page: the worker gets each edit of the scenario (for
 * structural goals), a step's "play until" pauses the run on time, the end of a run (the
 * lesson's duration) triggers the full check once per run, and progress is saved as it changes.
 */
import { send } from './engineBridge';
import { useStore } from './index';
import { checkRun, clearPlayUntil, clearRunVerdict } from './lessonActions';
import { saveProgress } from './lessonProgress';
import { pause } from './runActions';
import { runSettings } from '../lessons/checkLesson';

export function startLessonSync(): () => void {
  /** Whether the run has yet to reach the lesson's duration (a reset arms it again). */
  let armed = true;
  const open = useStore.getState().lesson.open;
  if (open) send({ type: 'setLesson', lesson: open.lesson, scenario: useStore.getState().scenario });
  return useStore.subscribe((s, prev) => {
    if (s.lesson.progress !== prev.lesson.progress) saveProgress(s.lesson.progress);
    const o = s.lesson.open;
    if (!o) return;
    if (s.scenario !== prev.scenario) send({ type: 'setLesson', lesson: o.lesson, scenario: s.scenario });
    if (o.lesson !== prev.lesson.open?.lesson) armed = true;
    const t = s.run.simTimeMs;
    if (t === prev.run.simTimeMs && o === prev.lesson.open) return;
    if (o.playUntilMs !== null && t >= o.playUntilMs) {
      clearPlayUntil();
      if (s.run.status === 'running') pause();
    }
    if (t < runSettings(o.lesson).durationMs) {
      // A new run (a reset): the last run's verdict no longer describes what plays.
      if (!armed && o.final) clearRunVerdict();
      armed = true;
    } else if (armed) {
      armed = false;
      if (useStore.getState().run.status === 'running') pause();
      void checkRun();
    }
  });
}
