/**
 * The built-in course: every lessons/*.json bundled at build time (a new file shows up with
 * no code change), grouped by the sequences of lessons/course.json in their order. A lesson
 * that does not parse is listed as unusable with its problem, never dropped silently.
 */
import { parseCourse, parseLesson } from '../../lessons/loadLesson';
import { LessonError, type Lesson } from '../../lessons/types';

const FILES = import.meta.glob('/lessons/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;
const COURSE_FILE = 'course.json';

export interface CatalogEntry {
  id: string;
  file: string;
  lesson: Lesson | null;
  /** Why the file could not be used. */
  problem: string | null;
}

export interface CourseSequence {
  name: string;
  intro: string;
  startHere: string | null;
  lessons: CatalogEntry[];
}

export interface Catalog {
  sequences: CourseSequence[];
  byId: Map<string, CatalogEntry>;
}

/** The course's sequences; a course file that does not parse leaves every lesson under its own sequence. */
function readCourse(text: string | undefined): { sequences: { name: string; intro: string; startHere: string | null }[]; problem: string | null } {
  if (!text) return { sequences: [], problem: null };
  try {
    return { sequences: parseCourse(text, `lessons/${COURSE_FILE}`).sequences.map((s) => ({ name: s.name, intro: s.intro, startHere: s.startHere ?? null })), problem: null };
  } catch (e) {
    return { sequences: [], problem: (e as Error).message };
  }
}

/** The catalog of a set of files (path → text); the page's is built from the bundle once. */
export function buildCatalog(files: Record<string, string>): Catalog {
  const entries: CatalogEntry[] = [];
  let course: string | undefined;
  for (const [path, text] of Object.entries(files)) {
    const file = path.replace(/^.*\//, '');
    if (file === COURSE_FILE) {
      course = text;
      continue;
    }
    const id = file.replace(/\.json$/, '');
    try {
      entries.push({ id, file, lesson: parseLesson(text, `lessons/${file}`), problem: null });
    } catch (e) {
      entries.push({ id, file, lesson: null, problem: e instanceof LessonError ? e.message : `lessons/${file}: ${(e as Error).message}` });
    }
  }
  const order = (e: CatalogEntry) => e.lesson?.order ?? Number.MAX_SAFE_INTEGER;
  const bySequence = (name: string) => entries.filter((e) => e.lesson?.sequence === name).sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id));
  const { sequences: listed, problem } = readCourse(course);
  const sequences: CourseSequence[] = listed.map((s) => ({ ...s, lessons: bySequence(s.name) }));
  if (problem) entries.push({ id: COURSE_FILE, file: COURSE_FILE, lesson: null, problem });
  // Lessons of a sequence the course does not list, and files that did not parse, still show.
  const named = new Set(listed.map((s) => s.name));
  for (const name of [...new Set(entries.flatMap((e) => (e.lesson && !named.has(e.lesson.sequence) ? [e.lesson.sequence] : [])))].sort()) {
    sequences.push({ name, intro: '', startHere: null, lessons: bySequence(name) });
  }
  // A course that names no starting lesson starts with the first lesson of its first sequence.
  const first = sequences.find((s) => s.lessons.length > 0);
  if (first && !sequences.some((s) => s.startHere)) first.startHere = first.lessons[0].id;
  const broken = entries.filter((e) => !e.lesson);
  if (broken.length > 0) sequences.push({ name: 'Unusable files', intro: 'These files did not load; the problem is named beside each.', startHere: null, lessons: broken });
  return { sequences, byId: new Map(entries.map((e) => [e.id, e])) };
}

let catalog: Catalog | null = null;

export function getCatalog(): Catalog {
  catalog ??= buildCatalog(FILES);
  return catalog;
}

export const findLesson = (id: string): Lesson | null => getCatalog().byId.get(id)?.lesson ?? null;
