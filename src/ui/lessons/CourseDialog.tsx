import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from '../../store';
import { importProgress, setCourseOpen } from '../../store/lessonActions';
import { NO_PROGRESS, parseProgressText, progressText, type Progress } from '../../store/lessonProgress';
import { selectCourseOpen, selectProgress } from '../../store/lessonSelectors';
import { CloseIcon } from '../common/icons';
import { getCatalog, type CatalogEntry } from './catalog';
import { download } from '../common/fileTransfer';
import { openBuiltInLesson, openLessonFile, startAuthoring } from './lessonCommands';
import '../../styles/lessons.css';

/** Ticks, stars and words for one lesson's progress. */
function Status({ entry, progress }: { entry: CatalogEntry; progress: Progress }) {
  const p = progress.lessons[entry.id] ?? NO_PROGRESS;
  const bonus = entry.lesson?.goals.filter((g) => g.bonus) ?? [];
  const met = bonus.filter((g) => p.bonus.includes(g.id)).length;
  return (
    <span className="mc-course__status">
      {p.solved ? <span className={`mc-tick${p.withHelp ? ' mc-tick--help' : ''}`}>✔ {p.withHelp ? 'solved with help' : 'solved'}</span> : <span className="mc-muted">{p.runs > 0 ? 'not yet' : 'new'}</span>}
      {bonus.length > 0 && <span className="mc-stars" aria-label={`${met} of ${bonus.length} bonus goals met`} title={`${met} of ${bonus.length} bonus goals met`}>{'★'.repeat(met)}{'☆'.repeat(bonus.length - met)}</span>}
    </span>
  );
}

function LessonRow({ entry, progress, startHere }: { entry: CatalogEntry; progress: Progress; startHere: boolean }) {
  const l = entry.lesson;
  if (!l) {
    return (
      <li className="mc-course__lesson is-broken">
        <span className="mc-course__title">{entry.file}</span>
        <span className="mc-field__error">{entry.problem}</span>
      </li>
    );
  }
  return (
    <li className="mc-course__lesson" data-lesson={l.id}>
      <button type="button" className="mc-course__open" onClick={() => void openBuiltInLesson(l.id)}>
        <span className="mc-course__title">{l.title}</span>
        {startHere && <span className="mc-course__start">Start here</span>}
      </button>
      <span className="mc-course__meta">{l.minutes} min · {l.difficulty}</span>
      <Status entry={entry} progress={progress} />
    </li>
  );
}

/** Export and import of progress, with an inline message for a file that is not one. */
function ProgressFile({ progress }: { progress: Progress }) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const load = async (file: File | undefined) => {
    if (!file) return;
    if (input.current) input.current.value = '';
    const r = parseProgressText(await file.text());
    if (!r.ok) return setMessage({ tone: 'error', text: `${file.name} was not loaded: ${r.message}` });
    importProgress(r.progress);
    setMessage({ tone: 'info', text: `Progress from ${file.name} added (${Object.keys(r.progress.lessons).length} lessons).` });
  };
  return (
    <div className="mc-course__progress">
      <button type="button" className="mc-btn mc-btn--small" onClick={() => download('microcosm-progress.json', progressText(progress))}>Export progress</button>
      <button type="button" className="mc-btn mc-btn--small" onClick={() => input.current?.click()}>Import progress</button>
      <input ref={input} type="file" accept="application/json,.json" hidden data-testid="progress-input" onChange={(e) => void load(e.target.files?.[0])} />
      {message && <p className={message.tone === 'error' ? 'mc-field__error' : 'mc-muted'} role={message.tone === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </div>
  );
}

/**
 * The course: its sequences in order, each with its one-line introduction and its lessons
 * (minutes, difficulty, a tick when solved, a star per bonus goal met, "Start here").
 */
export function CourseDialog() {
  const open = useStore(selectCourseOpen);
  const progress = useStore(selectProgress);
  const title = useId();
  const panel = useRef<HTMLDivElement>(null);
  const lessonFile = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setCourseOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, [open]);
  if (!open) return null;
  const { sequences } = getCatalog();
  return (
    <div className="mc-modal" onClick={(e) => e.target === e.currentTarget && setCourseOpen(false)}>
      <div ref={panel} className="mc-modal__panel mc-course" role="dialog" aria-modal="true" aria-labelledby={title} tabIndex={-1} data-testid="course">
        <header className="mc-course__head">
          <h2 id={title}>Lessons</h2>
          <button type="button" className="mc-btn mc-btn--small" onClick={() => setCourseOpen(false)} aria-label="Close the course"><CloseIcon /></button>
        </header>
        <p className="mc-muted">Each lesson is a small system with a problem. Read the briefing, change the system, run it: the simulator checks the goals.</p>
        {sequences.length === 0 && <p>No lessons in this build.</p>}
        {sequences.map((s) => (
          <section key={s.name} className="mc-course__sequence" aria-label={s.name}>
            <h3>{s.name}</h3>
            {s.intro && <p className="mc-muted">{s.intro}</p>}
            <ol className="mc-course__lessons">
              {s.lessons.map((e) => <LessonRow key={e.id} entry={e} progress={progress} startHere={s.startHere === e.id} />)}
            </ol>
          </section>
        ))}
        <footer className="mc-course__foot">
          <ProgressFile progress={progress} />
          <div className="mc-course__teacher">
            <button type="button" className="mc-btn mc-btn--small" onClick={startAuthoring}>New lesson from this scenario</button>
            <button type="button" className="mc-btn mc-btn--small" onClick={() => lessonFile.current?.click()}>Open a lesson file…</button>
            <input ref={lessonFile} type="file" accept="application/json,.json" hidden data-testid="lesson-file-input" onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              setCourseOpen(false);
              if (f) void openLessonFile(f);
            }} />
          </div>
        </footer>
      </div>
    </div>
  );
}
