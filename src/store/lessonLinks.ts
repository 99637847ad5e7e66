/**
 * Lessons in links: `#lesson=ID` opens a built-in lesson, `#lessonData=…` carries a whole
 * lesson (a teacher's own) compressed like a shared scenario, and `&attempt=…` adds a
 * learner's scenario to either, so a teacher can open exactly what a student built. Whatever
 * comes in goes through the lesson and scenario parsers, with size limits first.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { parseLesson } from '../lessons/loadLesson';
import type { Lesson } from '../lessons/types';
import { MAX_SCENARIO_BYTES, parseScenarioText } from '../scenario/parse';
import { problemLine } from '../scenario/problems';
import { MAX_SHARE_CHARS } from './persistence';
import type { Scenario } from './types';

export const LESSON_PARAM = 'lesson';
export const LESSON_DATA_PARAM = 'lessonData';
export const ATTEMPT_PARAM = 'attempt';
const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type LessonLink =
  | { ok: true; lesson: { id: string } | { lesson: Lesson }; attempt: Scenario | null; warnings: string[] }
  | { ok: false; lines: string[] };

const pack = (data: unknown) => compressToEncodedURIComponent(JSON.stringify(data));

export function lessonHash(id: string, attempt?: Scenario): string {
  return `#${LESSON_PARAM}=${id}${attempt ? `&${ATTEMPT_PARAM}=${pack(attempt)}` : ''}`;
}

export function customLessonHash(lesson: Lesson, attempt?: Scenario): string {
  return `#${LESSON_DATA_PARAM}=${pack(lesson)}${attempt ? `&${ATTEMPT_PARAM}=${pack(attempt)}` : ''}`;
}

/**
 * The hash's key=value pairs. Not URLSearchParams: lz-string's link alphabet has "+", which
 * that would read as a space.
 */
function hashParams(hash: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

/** Whether a location hash carries a lesson (without reading it). */
export const hasLessonLink = (hash: string): boolean => {
  const p = hashParams(hash);
  return p.has(LESSON_PARAM) || p.has(LESSON_DATA_PARAM);
};

function unpack(packed: string, what: string): { text: string } | { error: string } {
  if (packed.length > MAX_SHARE_CHARS) return { error: `(link): the ${what} is too long (${packed.length} characters; at most ${MAX_SHARE_CHARS})` };
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(packed);
  } catch {
    text = null;
  }
  if (!text) return { error: `(link): the ${what} is damaged: it does not decompress (was the link cut short when copied?)` };
  if (text.length > MAX_SCENARIO_BYTES) return { error: `(link): the ${what} holds more than ${MAX_SCENARIO_BYTES} bytes` };
  return { text };
}

/** The lesson a location hash asks for; null when it asks for none. */
export function lessonLinkFromHash(hash: string): LessonLink | null {
  const p = hashParams(hash);
  const id = p.get(LESSON_PARAM);
  const data = p.get(LESSON_DATA_PARAM);
  if (id === undefined && data === undefined) return null;
  let lesson: { id: string } | { lesson: Lesson };
  if (data !== undefined) {
    const u = unpack(data, 'lesson');
    if ('error' in u) return { ok: false, lines: [u.error] };
    try {
      lesson = { lesson: parseLesson(u.text, '(link)') };
    } catch (e) {
      return { ok: false, lines: [(e as Error).message] };
    }
  } else {
    const clean = decodeURIComponent(id ?? '');
    if (!LESSON_ID.test(clean)) return { ok: false, lines: [`(link): lesson "${clean.slice(0, 60)}" is not a lesson id (lower-case words joined by "-")`] };
    lesson = { id: clean };
  }
  const packed = p.get(ATTEMPT_PARAM);
  if (packed === undefined) return { ok: true, lesson, attempt: null, warnings: [] };
  const u = unpack(packed, 'attempt');
  if ('error' in u) return { ok: false, lines: [u.error] };
  const r = parseScenarioText(u.text);
  if (!r.ok) return { ok: false, lines: r.problems.slice(0, 8).map((q) => `attempt: ${problemLine(q)}`) };
  return { ok: true, lesson, attempt: r.scenario, warnings: r.warnings };
}
