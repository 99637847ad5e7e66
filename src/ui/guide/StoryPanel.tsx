import { useId } from 'react';
import { storyOf } from '../../scenario/story';
import { useStore } from '../../store';
import type { AppState } from '../../store/types';
import { useRememberedFlag } from './useRememberedFlag';

const selectName = (s: AppState) => s.scenario.name;
const selectDescription = (s: AppState) => s.scenario.description;

/**
 * The open scenario's story, what to watch and the steps to try, kept above the inspector
 * whatever is selected (the inspector shows the selection's settings instead of the
 * description), and off the canvas so it never hides a node. Folded or open, as last left.
 */
export function StoryPanel() {
  const name = useStore(selectName);
  const description = useStore(selectDescription);
  const [open, setOpen] = useRememberedFlag('story-open', true);
  const bodyId = useId();
  const { text, steps } = storyOf(description);
  if (text.length === 0 && steps.length === 0) return null;
  return (
    <section className={`mc-story${open ? ' is-open' : ''}`} aria-label="Story">
      <h2 className="mc-story__head">
        <button type="button" className="mc-story__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Story<span className="sr-only">:</span> <span className="mc-story__name">{name}</span>
        </button>
      </h2>
      {/* The story can be longer than its room: focusable, so a keyboard can scroll it too. */}
      <div id={bodyId} className="mc-story__body" hidden={!open} tabIndex={0} role="group" aria-label={`Story of ${name}`}>
        {text.map((p, i) => <p key={i}>{p}</p>)}
        {steps.length > 0 && (
          <>
            <h3 className="mc-story__steps-title">Try it</h3>
            <ol className="mc-story__steps">
              {steps.map((s, i) => <li key={i}>{s}</li>)}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
