import { useId } from 'react';
import type { Lesson } from '../../lessons/types';
import { useStore } from '../../store';
import { goToStep, runStepAction } from '../../store/lessonActions';
import { selectNodes } from '../../store/selectors';
import { fmtClock } from '../common/format';

type Action = NonNullable<Lesson['steps'][number]['action']>;

const actionWord = (a: Action) => ('play' in a ? `Play until ${fmtClock(a.play.untilMs)}` : `Start the fault "${a.fault}"`);

/** What a spotlight names, in the words the canvas shows: node labels, calls as "A → B". */
function spotNames(spot: readonly string[], label: (id: string) => string): string {
  return spot.map((s) => (s.includes('->') && !s.startsWith('->') ? s.split('->').map(label).join(' → ') : label(s))).join(', ');
}

/** The briefing, one step at a time: Back and Next, the step's action as a button. */
export function Briefing({ lesson, step }: { lesson: Lesson; step: number }) {
  const id = useId();
  const nodes = useStore(selectNodes);
  const s = lesson.steps[step];
  const label = (nodeId: string) => nodes.find((n) => n.id === nodeId)?.label ?? nodeId;
  const last = step === lesson.steps.length - 1;
  if (!s) return null;
  return (
    <section className="mc-lesson__section mc-briefing" aria-labelledby={id}>
      <h3 id={id} className="mc-lesson__heading">Briefing <span className="mc-muted">· step {step + 1} of {lesson.steps.length}</span></h3>
      <p className="mc-briefing__text" aria-live="polite">{s.text}</p>
      {s.spotlight && s.spotlight.length > 0 && <p className="mc-muted mc-briefing__spot">Highlighted on the canvas: {spotNames(s.spotlight, label)}</p>}
      {s.action && <button type="button" className="mc-btn mc-btn--small mc-btn--primary" onClick={() => runStepAction(s.action)}>{actionWord(s.action)}</button>}
      <div className="mc-briefing__nav">
        <button type="button" className="mc-btn mc-btn--small" onClick={() => goToStep(step - 1)} disabled={step === 0}>Back</button>
        <button type="button" className="mc-btn mc-btn--small" onClick={() => goToStep(step + 1)} disabled={last}>Next</button>
      </div>
    </section>
  );
}
