import { useEffect, useRef, useState } from 'react';
import { openChannel, type FromNotes, type PresenterPicture, type ToNotes } from './channel';
import { clock } from './script';

/**
 * The presenter's own window: the current beat's notes, the next beat, the whole script and
 * the keys that drive it (they act on the projected page, kept in step over a BroadcastChannel).
 */
export function NotesWindow() {
  const [pic, setPic] = useState<PresenterPicture | null>(null);
  const [ended, setEnded] = useState(false);
  const channel = useRef<BroadcastChannel | null>(null);
  const say = (m: FromNotes) => channel.current?.postMessage(m);

  useEffect(() => {
    const ch = openChannel();
    channel.current = ch;
    if (!ch) return;
    ch.onmessage = (e: MessageEvent<ToNotes>) => {
      if (e.data.type === 'picture') {
        setPic(e.data.picture);
        setEnded(false);
      } else setEnded(true);
    };
    ch.postMessage({ type: 'hello' } satisfies FromNotes);
    const onKey = (e: KeyboardEvent) => {
      const m: FromNotes | undefined = { ArrowRight: { type: 'next' }, PageDown: { type: 'next' }, ArrowLeft: { type: 'back' }, PageUp: { type: 'back' }, ' ': { type: 'toggle' } }[e.key] as FromNotes | undefined;
      if (!m || (e.target instanceof HTMLButtonElement && e.key === ' ')) return;
      e.preventDefault();
      ch.postMessage(m);
    };
    addEventListener('keydown', onKey);
    return () => {
      removeEventListener('keydown', onKey);
      ch.close();
    };
  }, []);

  if (!pic || ended) {
    return (
      <main className="mc-notes">
        <h1>Presenter notes</h1>
        <p className="mc-muted" role="status">{ended ? 'Presenter mode has ended in the main window.' : 'Waiting for presenter mode in the main window…'}</p>
      </main>
    );
  }
  const now = pic.beats[pic.shown];
  const next = pic.beats[pic.shown + 1];
  return (
    <main className="mc-notes" data-testid="notes-window">
      <header className="mc-notes__bar">
        <h1>{pic.title}</h1>
        <output className="mc-notes__clock" aria-label="Simulated time">{clock(pic.simTimeMs)}</output>
        <span className="mc-muted">{pic.running ? 'running' : 'paused'}</span>
      </header>
      <div className="mc-notes__controls" role="group" aria-label="Script">
        <button type="button" onClick={() => say({ type: 'back' })} disabled={pic.shown < 0}>‹ Back</button>
        <button type="button" onClick={() => say({ type: 'toggle' })}>{pic.running ? 'Pause' : 'Play'}</button>
        <button type="button" onClick={() => say({ type: 'next' })} disabled={!next}>Next ›</button>
      </div>
      <section aria-labelledby="mc-notes-now">
        <h2 id="mc-notes-now">Now {pic.shown >= 0 ? `(${pic.shown + 1} of ${pic.beats.length})` : ''}</h2>
        {now ? <p className="mc-notes__caption" data-testid="notes-now">{now.label}</p> : <p className="mc-muted">Before the first beat.</p>}
        {now?.notes && <p className="mc-notes__text" data-testid="notes-text">{now.notes}</p>}
      </section>
      <section aria-labelledby="mc-notes-next">
        <h2 id="mc-notes-next">Next</h2>
        {next ? <p className="mc-notes__caption" data-testid="notes-next">{next.label}</p> : <p className="mc-muted">The end of the script.</p>}
        {next?.notes && <p className="mc-notes__text mc-muted">{next.notes}</p>}
      </section>
      <ol className="mc-notes__script" aria-label="The script">
        {pic.beats.map((b, i) => (
          <li key={i} aria-current={i === pic.shown ? 'step' : undefined} className={i < pic.fired ? 'is-done' : undefined}>{b.label}</li>
        ))}
      </ol>
    </main>
  );
}
