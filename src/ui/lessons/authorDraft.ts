/**
 * A teacher's lesson in the making, turned into a lesson file: the page's scenario when the
 * draft began is the start, the goals come from the form (or a chart), the solution is what
 * the teacher changed since (recorded as a JSON patch). Pure functions, tested on their own.
 */
import type { Goal } from '../../lessons/types';
import type { AuthorDraft } from '../../store/lessonSlice';
import type { Scenario } from '../../store/types';

export const SEQUENCE_NAMES = ['Foundations', 'Resilience', 'Data and messaging', 'Scaling and operations'] as const;
const DEFAULT_RUN_MS = 60_000;

/** Lower-case words joined by "-", as lesson and goal ids are written. */
export function kebab(text: string, fallback: string): string {
  const k = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return k || fallback;
}

export function newDraft(start: Scenario): AuthorDraft {
  return {
    start,
    meta: { id: kebab(start.name, 'my-lesson'), title: start.name, sequence: 'Foundations', minutes: 10, difficulty: 'easy', concepts: '', guide: '' },
    run: { seeds: [1, 2, 3], durationMs: Math.min(start.durationMs, DEFAULT_RUN_MS), warmupMs: Math.min(start.warmupMs, DEFAULT_RUN_MS / 2) },
    steps: start.description ?? '',
    hints: '',
    debrief: '',
    goals: [],
    solution: null,
    proofs: null,
  };
}

/** Non-empty lines of a text area, trimmed. */
export const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** Paragraphs (separated by a blank line) of a text area: one briefing step each. */
export const paragraphs = (text: string): string[] => text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter((p) => p !== '');

/** The lesson file the draft stands for (checked by the lesson parser before it is used). */
export function draftLesson(d: AuthorDraft): Record<string, unknown> {
  const concepts = d.meta.concepts.split(',').map((c) => c.trim()).filter((c) => c !== '');
  const steps = paragraphs(d.steps);
  return {
    lessonVersion: 1,
    id: d.meta.id,
    title: d.meta.title,
    concepts: concepts.length > 0 ? concepts : [d.meta.title],
    minutes: d.meta.minutes,
    difficulty: d.meta.difficulty,
    sequence: d.meta.sequence,
    order: 1,
    scenario: { ...d.start, durationMs: d.run.durationMs, warmupMs: d.run.warmupMs },
    run: { seeds: d.run.seeds, durationMs: d.run.durationMs, warmupMs: d.run.warmupMs },
    steps: (steps.length > 0 ? steps : ['Run the system and look at what the goals ask for.']).map((text) => ({ text })),
    goals: d.goals,
    hints: lines(d.hints),
    solution: d.solution ?? [],
    debrief: d.debrief.trim(),
    ...(d.meta.guide.trim() ? { guide: d.meta.guide.trim() } : {}),
  };
}

/** A fresh goal id from its label, unique among the goals there are. */
export function goalId(label: string, goals: readonly Goal[]): string {
  // Whole words, at most 40 characters: ids are read in verdicts and grade sheets.
  let base = '';
  for (const w of kebab(label, 'goal').split('-')) {
    if (base && base.length + 1 + w.length > 40) break;
    base = base ? `${base}-${w}` : w;
  }
  const taken = new Set(goals.map((g) => g.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
