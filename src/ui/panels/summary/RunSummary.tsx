import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from '../../../store';
import { play, reset } from '../../../store/runActions';
import type { RunSummary as Summary } from '../../../worker/protocol';
import { fmtClock, fmtMs, fmtPct } from '../../common/format';
import { CloseIcon } from '../../common/icons';

const selectSummary = (s: { run: { summary: Summary | null } }) => s.run.summary;
const selectInLesson = (s: { lesson: { open: unknown } }) => s.lesson.open !== null;

/**
 * What the run came to, shown when Play reaches the scenario's end: per client what was sent,
 * what failed and the p99 of the successes, then the events that mattered with their times.
 * Continue runs on past the end (until paused), Reset starts over. A non-modal dialog: focus
 * moves into it when it opens and goes back where it was when it closes (Escape or Close);
 * once closed, a small button opens it again until the run moves on.
 */
export function RunSummary() {
  const summary = useStore(selectSummary);
  // A lesson's panel gives its own verdict at the end: the summary then waits behind its button.
  const inLesson = useStore(selectInLesson);
  const [closed, setClosed] = useState<Summary | null>(null);
  const [asked, setAsked] = useState<Summary | null>(null);
  if (!summary) return null;
  if (closed === summary || (inLesson && asked !== summary)) {
    return <button type="button" className="mc-btn mc-summary-reopen" onClick={() => { setClosed(null); setAsked(summary); }}>Run summary</button>;
  }
  return <SummaryDialog summary={summary} onClose={() => setClosed(summary)} />;
}

function SummaryDialog({ summary, onClose }: { summary: Summary; onClose: () => void }) {
  const heading = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    ref.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus();
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onClose();
  };
  return (
    <section ref={ref} role="dialog" aria-modal="false" aria-labelledby={heading} className="mc-summary" tabIndex={-1} onKeyDown={onKeyDown} data-testid="run-summary">
      <header className="mc-summary__head">
        <h2 id={heading}>The run ended at {fmtClock(summary.atMs)}</h2>
        <button type="button" className="mc-btn mc-btn--small" onClick={onClose} aria-label="Close the summary"><CloseIcon /></button>
      </header>
      <p className="mc-muted">That is the scenario&apos;s length (durationMs). Continue runs on past it until you pause; Reset starts over.</p>
      <table className="mc-summary__clients">
        <caption>Clients</caption>
        <thead>
          <tr><th scope="col">client</th><th scope="col">sent</th><th scope="col">failed</th><th scope="col">p99 of successes</th><th scope="col">p99 of failures</th></tr>
        </thead>
        <tbody>
          {summary.clients.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.id}</th>
              <td>{c.sent.toLocaleString('en-US')}</td>
              <td className={c.errorRate >= 0.05 ? 'mc-summary__bad' : undefined}>{c.failed.toLocaleString('en-US')} ({fmtPct(c.errorRate)})</td>
              <td>{c.p99Ms === null ? <span className="mc-summary__bad">no successful requests</span> : fmtMs(c.p99Ms)}</td>
              <td>{c.failedP99Ms === null ? '–' : fmtMs(c.failedP99Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>What happened</h3>
      {summary.events.length === 0 && summary.losses.length === 0 ? (
        <p>Nothing to report: no faults, crashes, breaker openings, scaling or losses.</p>
      ) : (
        <ol className="mc-summary__events">
          {summary.events.map((e, i) => (
            <li key={i}><time>{fmtClock(e.atMs)}</time> {e.message}</li>
          ))}
          {summary.moreEvents > 0 && <li className="mc-muted">… and {summary.moreEvents} more in the Events tab</li>}
        </ol>
      )}
      {summary.losses.length > 0 && (
        <ul className="mc-summary__losses">
          {summary.losses.map((l) => <li key={l}>{l}</li>)}
        </ul>
      )}
      <div className="mc-summary__actions">
        <button type="button" className="mc-btn mc-btn--primary" onClick={play}>Continue</button>
        <button type="button" className="mc-btn" onClick={() => reset(false)}>Reset</button>
      </div>
    </section>
  );
}
