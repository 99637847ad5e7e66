import { lazy, Suspense, useEffect, useId, useRef } from 'react';
import { useStore } from '../../store';
import { closeLesson, runAgain, setCourseOpen, toggleLessonPanel } from '../../store/lessonActions';
import { selectAuthor, selectOpenLesson } from '../../store/lessonSelectors';
import type { OpenLesson } from '../../store/lessonSlice';
import { selectSimTime, selectStatus } from '../../store/selectors';
import { requestFit } from '../../store/uiActions';
import { runSettings } from '../../lessons/checkLesson';
import { fmtClock } from '../common/format';
import { Briefing } from './Briefing';
import { GoalList } from './GoalList';
import { shareAttempt, startAuthoring } from './lessonCommands';
import { Debrief, Hints, SolutionButton } from './Outcome';
import { Prediction } from './Prediction';
import { scrollWithin } from './scrollWithin';
import '../../styles/lessons.css';

// Making a lesson is rare beside taking one: its forms load when a teacher first starts one.
const AuthorPanel = lazy(() => import('./AuthorPanel').then((m) => ({ default: m.AuthorPanel })));

/** The run: its clock against the lesson's duration, the button that runs it, and the goals. */
function RunSection({ open }: { open: OpenLesson }) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  const t = useStore(selectSimTime);
  const status = useStore(selectStatus);
  const { durationMs } = runSettings(open.lesson);
  const { seeds } = open.lesson.run;
  const final = open.final;
  const started = t > 0 || status === 'running';
  const showFinal = final?.state === 'done';
  const verdicts = showFinal ? final.result.goals : open.live?.verdicts ?? [];
  // The verdict is what the learner waits for: bring it into view when it comes.
  useEffect(() => {
    if (showFinal) scrollWithin(ref.current?.parentElement, ref.current);
  }, [showFinal]);
  return (
    <section ref={ref} className="mc-lesson__section" aria-labelledby={id}>
      <h3 id={id} className="mc-lesson__heading">Goals</h3>
      <p className="mc-lesson__clock">
        <span>Run: {fmtClock(Math.min(t, durationMs))} of {fmtClock(durationMs)}</span>
        <button type="button" className="mc-btn mc-btn--small mc-btn--primary" onClick={runAgain}>{started ? 'Run again from the start' : 'Run the lesson'}</button>
      </p>
      {final?.state === 'checking' && <p role="status" className="mc-lesson__checking">Checking your system on {seeds.length === 1 ? 'seed' : 'seeds'} {seeds.join(', ')}…</p>}
      {final?.state === 'error' && <p role="alert" className="mc-field__error">The check could not run: {final.message}</p>}
      {showFinal && (
        <p role="status" className={`mc-lesson__verdict mc-lesson__verdict--${final.result.passed ? 'pass' : 'fail'}`}>
          {final.result.passed ? `Every goal passed on ${seeds.length === 1 ? 'seed' : 'seeds'} ${seeds.join(', ')}.` : 'Not yet: a goal failed. Change the system and run again.'}
        </p>
      )}
      {!showFinal && <p className="mc-muted">{started ? 'Live: the goals are judged as the run plays; the verdict comes when the run ends.' : 'Press "Run the lesson" (or Play): the goals are judged as it plays.'}</p>}
      <GoalList goals={open.lesson.goals} verdicts={verdicts} final={showFinal} />
    </section>
  );
}

/** The lesson panel, docked beside the canvas and foldable to a strip. */
export function LessonPanel() {
  const open = useStore(selectOpenLesson);
  const author = useStore(selectAuthor);
  const bodyId = useId();
  // The canvas changes width as the panel comes, folds or goes: fit the drawing to it again.
  const layout = author ? 'author' : open ? (open.collapsed ? 'strip' : 'panel') : 'none';
  const first = useRef(true);
  useEffect(() => {
    const initial = first.current;
    first.current = false;
    if (!initial || layout !== 'none') requestFit();
  }, [layout]);
  if (author) return <Suspense fallback={<p className="mc-muted" role="status">Loading the lesson editor…</p>}><AuthorPanel draft={author} /></Suspense>;
  if (!open) return null;
  const { lesson } = open;
  if (open.collapsed) {
    return (
      <aside className="mc-lesson is-collapsed" aria-label={`Lesson: ${lesson.title}`}>
        <button type="button" className="mc-lesson__unfold" aria-expanded="false" aria-controls={bodyId} onClick={toggleLessonPanel} title="Show the lesson">
          <span aria-hidden="true">▸</span> <span className="mc-lesson__unfold-text">Lesson: {lesson.title}</span>
        </button>
      </aside>
    );
  }
  const result = open.final?.state === 'done' ? open.final.result : null;
  return (
    <aside className="mc-lesson" aria-label={`Lesson: ${lesson.title}`} data-testid="lesson-panel">
      <header className="mc-lesson__head">
        <div>
          <h2 className="mc-lesson__title">{lesson.title}</h2>
          <p className="mc-muted">{lesson.sequence} · {lesson.minutes} min · {lesson.difficulty}{open.custom ? ' · your own lesson' : ''}</p>
        </div>
        <div className="mc-lesson__head-buttons">
          <button type="button" className="mc-btn mc-btn--small" onClick={toggleLessonPanel} aria-expanded="true" aria-controls={bodyId} aria-label="Fold the lesson panel" title="Fold the lesson panel">◂</button>
          <button type="button" className="mc-btn mc-btn--small" onClick={closeLesson} aria-label="Leave the lesson" title="Leave the lesson (your scenario stays)">✕</button>
        </div>
      </header>
      <div id={bodyId} className="mc-lesson__body">
        <Briefing lesson={lesson} step={open.step} />
        {lesson.predict && <Prediction predict={lesson.predict} choice={open.prediction} revealed={open.revealed} />}
        <RunSection open={open} />
        {result?.passed && <Debrief open={open} result={result} />}
        <Hints hints={lesson.hints} failedRuns={open.failedRuns} />
        <footer className="mc-lesson__foot">
          <SolutionButton shown={open.solutionShown} />
          <button type="button" className="mc-btn mc-btn--small" onClick={() => void shareAttempt()}>Share my attempt</button>
          <button type="button" className="mc-btn mc-btn--small" onClick={() => setCourseOpen(true)}>Course</button>
          <button type="button" className="mc-btn mc-btn--small" onClick={startAuthoring}>New lesson from this scenario</button>
        </footer>
      </div>
    </aside>
  );
}
