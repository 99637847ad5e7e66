/**
 * What a learner has done in the course, kept in the browser's storage between visits and
 * movable between browsers as a small JSON file. Whatever is read back (storage or file) is
 * checked by a schema; a bad file is refused with one message naming the field.
 */
import { z } from 'zod';
import { problemsFromZod, problemLine } from '../scenario/problems';

export const PROGRESS_KEY = 'microcosm:lessons';
export const PROGRESS_VERSION = 1;
/** A progress file is a few KB; anything much larger is not one. */
export const MAX_PROGRESS_BYTES = 1_000_000;

const lessonProgressSchema = z.strictObject({
  solved: z.boolean(),
  /** Solved after the solution was shown. */
  withHelp: z.boolean(),
  /** Ids of the bonus goals met in some run. */
  bonus: z.array(z.string()),
  /** Runs checked to the end. */
  runs: z.number().int().min(0),
});

const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(z.string(), lessonProgressSchema),
  /** The built-in lesson open when the page was left, reopened on the next visit. */
  openId: z.string().optional(),
});

export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, lessons: {} });
export const NO_PROGRESS: LessonProgress = { solved: false, withHelp: false, bonus: [], runs: 0 };

export type ProgressParse = { ok: true; progress: Progress } | { ok: false; message: string };

/** Checks progress data (from a file or the storage); the first problem names its field. */
export function parseProgress(data: unknown): ProgressParse {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: '(top level): expected a JSON object with version and lessons' };
  const r = progressSchema.safeParse(data);
  if (r.success) return { ok: true, progress: r.data };
  const problems = problemsFromZod(r.error);
  return { ok: false, message: problems.length > 0 ? problemLine(problems[0]) : 'is not a progress file' };
}

export function parseProgressText(text: string): ProgressParse {
  if (text.length > MAX_PROGRESS_BYTES) return { ok: false, message: `(file): is larger than ${MAX_PROGRESS_BYTES} bytes` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `(file): is not valid JSON: ${(e as Error).message}` };
  }
  return parseProgress(data);
}

export const progressText = (p: Progress): string => `${JSON.stringify(p, null, 2)}\n`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The saved progress; a missing or damaged record starts afresh rather than break the page. */
export function loadProgress(): Progress {
  try {
    const text = storage()?.getItem(PROGRESS_KEY);
    if (!text) return emptyProgress();
    const r = parseProgressText(text);
    return r.ok ? r.progress : emptyProgress();
  } catch {
    return emptyProgress();
  }
}

export function saveProgress(p: Progress): void {
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // full or refused: progress lives on in the page until it is closed
  }
}

/** Two progress records as one: a lesson solved in either is solved; bonus goals add up. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const lessons: Record<string, LessonProgress> = { ...a.lessons };
  for (const [id, p] of Object.entries(b.lessons)) {
    const q = lessons[id];
    if (!q) {
      lessons[id] = p;
      continue;
    }
    const clean = (x: LessonProgress) => x.solved && !x.withHelp;
    lessons[id] = {
      solved: q.solved || p.solved,
      withHelp: !(clean(q) || clean(p)) && (q.withHelp || p.withHelp),
      bonus: [...new Set([...q.bonus, ...p.bonus])],
      runs: Math.max(q.runs, p.runs),
    };
  }
  return { ...a, lessons };
}
