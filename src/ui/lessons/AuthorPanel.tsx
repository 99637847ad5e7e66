import { useId, useMemo, type ReactNode } from 'react';
import { parseLesson } from '../../lessons/loadLesson';
import { LessonError, type Lesson } from '../../lessons/types';
import { useStore } from '../../store';
import { editDraft, endDraft, proveDraft, recordSolution, removeGoal } from '../../store/lessonAuthor';
import { customLessonHash } from '../../store/lessonLinks';
import { selectChartPick } from '../../store/lessonSelectors';
import type { AuthorDraft } from '../../store/lessonSlice';
import { openScenario } from '../persistence/openScenario';
import { SEQUENCE_NAMES, draftLesson, kebab } from './authorDraft';
import { GoalForm } from './GoalForm';
import { download } from '../common/fileTransfer';
import { shareHash } from './lessonCommands';
import { figures } from './verdictText';

/** The draft as a lesson, or why the lesson parser refuses it. */
function checked(d: AuthorDraft): { lesson: Lesson; text: string } | { problem: string } {
  const text = `${JSON.stringify(draftLesson(d), null, 2)}\n`;
  try {
    return { lesson: parseLesson(text, `${d.meta.id}.json`), text };
  } catch (e) {
    return { problem: e instanceof LessonError ? e.message : (e as Error).message };
  }
}

function Row({ label, children, htmlFor }: { label: string; children: ReactNode; htmlFor: string }) {
  return (
    <div className="mc-field">
      <label className="mc-field__label" htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}

function Details({ d }: { d: AuthorDraft }) {
  const id = useId();
  const num = (v: string, fallback: number) => (Number.isFinite(Number(v)) && v.trim() !== '' ? Number(v) : fallback);
  return (
    <details className="mc-author__details" open>
      <summary>About the lesson</summary>
      <Row label="title" htmlFor={`${id}-title`}>
        <input id={`${id}-title`} className="mc-input" value={d.meta.title} onChange={(e) => editDraft((x) => { x.meta.title = e.target.value; x.meta.id = kebab(e.target.value, 'my-lesson'); })} />
      </Row>
      <Row label="id (file name)" htmlFor={`${id}-id`}>
        <input id={`${id}-id`} className="mc-input" value={d.meta.id} onChange={(e) => editDraft((x) => { x.meta.id = e.target.value; })} />
      </Row>
      <Row label="sequence" htmlFor={`${id}-seq`}>
        <select id={`${id}-seq`} className="mc-select" value={d.meta.sequence} onChange={(e) => editDraft((x) => { x.meta.sequence = e.target.value; })}>
          {SEQUENCE_NAMES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </Row>
      <Row label="difficulty" htmlFor={`${id}-diff`}>
        <select id={`${id}-diff`} className="mc-select" value={d.meta.difficulty} onChange={(e) => editDraft((x) => { x.meta.difficulty = e.target.value as AuthorDraft['meta']['difficulty']; })}>
          {['easy', 'medium', 'hard'].map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </Row>
      <Row label="minutes" htmlFor={`${id}-min`}>
        <input id={`${id}-min`} className="mc-input" type="number" min={1} value={d.meta.minutes} onChange={(e) => editDraft((x) => { x.meta.minutes = num(e.target.value, x.meta.minutes); })} />
      </Row>
      <Row label="ideas taught (commas)" htmlFor={`${id}-concepts`}>
        <input id={`${id}-concepts`} className="mc-input" value={d.meta.concepts} onChange={(e) => editDraft((x) => { x.meta.concepts = e.target.value; })} placeholder="circuit breaker, timeouts" />
      </Row>
      <Row label="run length (s)" htmlFor={`${id}-dur`}>
        <input id={`${id}-dur`} className="mc-input" type="number" min={1} value={d.run.durationMs / 1000} onChange={(e) => editDraft((x) => { x.run.durationMs = num(e.target.value, x.run.durationMs / 1000) * 1000; })} />
      </Row>
      <Row label="seeds (commas)" htmlFor={`${id}-seeds`}>
        <input id={`${id}-seeds`} className="mc-input" defaultValue={d.run.seeds.join(', ')} onBlur={(e) => editDraft((x) => {
          const seeds = e.target.value.split(',').map((v) => Number(v.trim())).filter((v) => Number.isInteger(v) && v >= 0);
          x.run.seeds = seeds.length > 0 ? seeds : x.run.seeds;
        })} />
      </Row>
    </details>
  );
}

function Texts({ d }: { d: AuthorDraft }) {
  const id = useId();
  return (
    <>
      <label className="mc-author__label" htmlFor={`${id}-steps`}>Briefing (a blank line between steps)</label>
      <textarea id={`${id}-steps`} className="mc-input" rows={4} value={d.steps} onChange={(e) => editDraft((x) => { x.steps = e.target.value; })} />
      <label className="mc-author__label" htmlFor={`${id}-hints`}>Hints (one a line, unlocked one per failed run)</label>
      <textarea id={`${id}-hints`} className="mc-input" rows={3} value={d.hints} onChange={(e) => editDraft((x) => { x.hints = e.target.value; })} />
      <label className="mc-author__label" htmlFor={`${id}-debrief`}>Debrief (shown when every goal passes)</label>
      <textarea id={`${id}-debrief`} className="mc-input" rows={3} value={d.debrief} onChange={(e) => editDraft((x) => { x.debrief = e.target.value; })} />
    </>
  );
}

/**
 * Making a lesson from the page: the scenario as it was when the draft began is the start;
 * goals come from a form or a chart point; the solution is recorded as the changes made
 * since; the four proofs run before the lesson leaves as a file or a link.
 */
export function AuthorPanel({ draft: d }: { draft: AuthorDraft }) {
  const pick = useStore(selectChartPick);
  const result = useMemo(() => checked(d), [d]);
  const proofs = d.proofs;
  const proved = proofs?.state === 'done';
  const allProved = proved && proofs.proofs.every((p) => p.ok);
  return (
    <aside className="mc-lesson mc-author" aria-label="New lesson" data-testid="author-panel">
      <header className="mc-lesson__head">
        <div>
          <h2 className="mc-lesson__title">New lesson</h2>
          <p className="mc-muted">Starts from the scenario as it was when you began ({d.start.name}).</p>
        </div>
        <button type="button" className="mc-btn mc-btn--small" onClick={endDraft} aria-label="Stop making the lesson" title="Stop making the lesson">✕</button>
      </header>
      <div className="mc-lesson__body">
        <Details d={d} />
        <Texts d={d} />
        <section className="mc-lesson__section" aria-label="Goals of the new lesson">
          <h3 className="mc-lesson__heading">Goals <span className="mc-muted">· {d.goals.length}</span></h3>
          <ul className="mc-goals">
            {d.goals.map((g) => (
              <li key={g.id} className="mc-goal">
                <div className="mc-goal__body">
                  <p className="mc-goal__label">{g.label}{g.bonus ? ' (bonus)' : ''}</p>
                  <p className="mc-muted"><code>{'metric' in g.check ? g.check.metric : 'series' in g.check ? g.check.series : g.id}</code> {figures(g, { actual: null, limit: (g.check as { value?: number }).value ?? null, op: (g.check as { op?: string }).op ?? '' })?.limit}</p>
                </div>
                <button type="button" className="mc-btn mc-btn--small" onClick={() => removeGoal(g.id)} aria-label={`Remove the goal ${g.label}`}>Remove</button>
              </li>
            ))}
          </ul>
          <GoalForm key={pick ? pick.tMs : 'form'} draft={d} pick={pick} />
        </section>
        <section className="mc-lesson__section" aria-label="Solution of the new lesson">
          <h3 className="mc-lesson__heading">Solution</h3>
          <p className="mc-muted">Change the system until it passes, then record: the solution is every change since the start.</p>
          <p>
            <button type="button" className="mc-btn mc-btn--small mc-btn--primary" onClick={recordSolution}>Record solution</button>{' '}
            <button type="button" className="mc-btn mc-btn--small" onClick={() => void openScenario({ ok: true, scenario: d.start, warnings: [] }, 'The start')}>Back to the start</button>
          </p>
          {d.solution && <p role="status">{d.solution.length === 0 ? 'Recorded: no change yet (the solution is empty).' : `Recorded ${d.solution.length} change${d.solution.length > 1 ? 's' : ''}: ${d.solution.map((o) => `${o.op} ${o.path}`).join(', ')}`}</p>}
        </section>
        <section className="mc-lesson__section" aria-label="Check and export">
          <h3 className="mc-lesson__heading">Check and export</h3>
          {'problem' in result ? <p className="mc-field__error" role="alert">Not a lesson yet: {result.problem}</p> : (
            <button type="button" className="mc-btn mc-btn--small mc-btn--primary" onClick={() => void proveDraft(result.lesson)} disabled={proofs?.state === 'checking'}>Check the lesson (four proofs)</button>
          )}
          {proofs?.state === 'checking' && <p role="status">Running the proofs on every seed…</p>}
          {proofs?.state === 'error' && <p className="mc-field__error" role="alert">The proofs could not run: {proofs.message}</p>}
          {proved && (
            <ul className="mc-proofs" aria-label="Proofs">
              {proofs.proofs.map((p) => (
                <li key={p.proof} className={`mc-proof mc-proof--${p.ok ? 'pass' : 'fail'}`}>
                  <span aria-hidden="true">{p.ok ? '✔' : '✖'}</span> <strong>{p.proof}</strong>: {p.ok ? 'holds' : 'does not hold'}<span className="mc-muted"> · {p.detail}</span>
                </li>
              ))}
            </ul>
          )}
          {proved && !allProved && <p className="mc-hint">Some proofs do not hold: learners could pass without learning the idea, or could not pass at all. You can still export the draft.</p>}
          {proved && 'lesson' in result && (
            <p>
              <button type="button" className="mc-btn mc-btn--small" onClick={() => download(`${result.lesson.id}.json`, result.text)}>Download lesson file</button>{' '}
              <button type="button" className="mc-btn mc-btn--small" onClick={() => void shareHash(customLessonHash(result.lesson), 'The whole lesson is in the link: whoever opens it can play it')}>Copy lesson link</button>
            </p>
          )}
          {!proved && <p className="mc-muted">Export comes after the proofs have run.</p>}
        </section>
      </div>
    </aside>
  );
}
