import { useId } from 'react';
import type { Lesson } from '../../lessons/types';
import { setPrediction } from '../../store/lessonActions';

/**
 * The question to answer before the first run; once a run has ended, the answer and why,
 * beside what the learner chose.
 */
export function Prediction({ predict, choice, revealed }: { predict: NonNullable<Lesson['predict']>; choice: number | null; revealed: boolean }) {
  const id = useId();
  const right = choice === predict.answer;
  return (
    <section className="mc-lesson__section mc-predict" aria-labelledby={id}>
      <h3 id={id} className="mc-lesson__heading">Predict</h3>
      <fieldset className="mc-predict__choices" disabled={revealed}>
        <legend>{predict.question}</legend>
        {predict.choices.map((c, i) => (
          <label key={i} className={`mc-predict__choice${revealed && i === predict.answer ? ' is-answer' : ''}`}>
            <input type="radio" name={`${id}-choice`} checked={choice === i} onChange={() => setPrediction(i)} />
            {c}
            {revealed && i === predict.answer && <span className="mc-predict__mark"> ✔ the answer</span>}
          </label>
        ))}
      </fieldset>
      {!revealed && <p className="mc-muted">Choose before you run: the answer shows when the run ends.</p>}
      {revealed && (
        <div className="mc-predict__reveal" role="status">
          <p><strong>{choice === null ? 'You did not choose.' : right ? 'You were right.' : `You chose "${predict.choices[choice]}".`}</strong> The answer is "{predict.choices[predict.answer]}".</p>
          <p>{predict.explain}</p>
        </div>
      )}
    </section>
  );
}
