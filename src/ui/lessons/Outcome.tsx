import { useId, useState } from 'react';
import type { LessonResult } from '../../lessons/types';
import type { OpenLesson } from '../../store/lessonSlice';
import { showSolution } from './openLesson';

/** The hints unlocked so far: one more after each run whose check does not pass. */
export function Hints({ hints, failedRuns }: { hints: readonly string[]; failedRuns: number }) {
  const id = useId();
  if (hints.length === 0) return null;
  const unlocked = Math.min(hints.length, failedRuns);
  return (
    <section className="mc-lesson__section" aria-labelledby={id}>
      <h3 id={id} className="mc-lesson__heading">Hints <span className="mc-muted">· {unlocked} of {hints.length}</span></h3>
      {unlocked > 0 && <ol className="mc-hints">{hints.slice(0, unlocked).map((h, i) => <li key={i}>{h}</li>)}</ol>}
      {unlocked < hints.length && <p className="mc-muted">{unlocked === 0 ? 'A hint unlocks after a run that does not pass.' : 'Another hint unlocks after the next run that does not pass.'}</p>}
    </section>
  );
}

/** Applies the solution after a confirmation: it replaces the learner's changes (undo brings them back). */
export function SolutionButton({ shown }: { shown: boolean }) {
  const [asking, setAsking] = useState(false);
  if (asking) {
    return (
      <div className="mc-confirm" role="group" aria-label="Show the solution?">
        <p>The solution replaces your changes (Undo brings them back), and the lesson then counts as solved with help.</p>
        <button type="button" className="mc-btn mc-btn--small mc-btn--primary" onClick={() => { setAsking(false); void showSolution(); }}>Apply the solution</button>
        <button type="button" className="mc-btn mc-btn--small" onClick={() => setAsking(false)}>Not yet</button>
      </div>
    );
  }
  return <button type="button" className="mc-btn mc-btn--small" onClick={() => setAsking(true)}>{shown ? 'Show the solution again' : 'Show solution'}</button>;
}

/** Every goal passed: what to take away, the bonus goals met, and where the guide says more. */
export function Debrief({ open, result }: { open: OpenLesson; result: LessonResult }) {
  const id = useId();
  const bonus = result.goals.filter((g) => g.bonus);
  const met = bonus.filter((g) => g.status === 'pass').length;
  return (
    <section className="mc-lesson__section mc-debrief" aria-labelledby={id}>
      <h3 id={id} className="mc-lesson__heading">✔ Solved{open.solutionShown ? ' with help' : ''}</h3>
      {bonus.length > 0 && (
        <p><span className="mc-stars" aria-label={`${met} of ${bonus.length} bonus goals met`}>{'★'.repeat(met)}{'☆'.repeat(bonus.length - met)}</span> <span className="mc-muted">{met} of {bonus.length} bonus {bonus.length === 1 ? 'goal' : 'goals'} met</span></p>
      )}
      <p>{open.lesson.debrief}</p>
      {open.lesson.guide && <p className="mc-muted">More in the microservice guide: <em>{open.lesson.guide}</em>.</p>}
    </section>
  );
}
