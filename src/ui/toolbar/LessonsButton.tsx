import { command, tooltip } from '../commands';

const LESSONS = command('lessons');

/** A mortarboard: the course of lessons. */
const CapIcon = () => (
  <svg width={18} height={18} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
    <path d="M2.5 9 12 4.5 21.5 9 12 13.5z M6.5 11v4.5c1.5 1.7 3.4 2.5 5.5 2.5s4-.8 5.5-2.5V11 M21.5 9v5.5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export function LessonsButton() {
  return (
    <button type="button" className="mc-btn" onClick={LESSONS.perform} aria-label="Lessons" title={tooltip(LESSONS)}>
      <CapIcon /><span className="mc-btn__text">Lessons</span>
    </button>
  );
}
