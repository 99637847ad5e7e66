/**
 * Page-level lesson commands: open a lesson (by id, file or link), share an attempt, start
 * making a lesson, and the downloads and clipboard they use.
 */
import { parseLesson } from '../../lessons/loadLesson';
import { LessonError, type Lesson } from '../../lessons/types';
import { useStore } from '../../store';
import { beginDraft } from '../../store/lessonAuthor';
import { customLessonHash, hasLessonLink, lessonHash, lessonLinkFromHash } from '../../store/lessonLinks';
import { startLesson } from '../../store/lessonActions';
import { showNotice } from '../../store/uiActions';
import { putLink } from '../common/fileTransfer';
import { newDraft } from './authorDraft';
import { openLesson } from './openLesson';

/** The built-in course loads with its lessons when first asked for, not with the first screen. */
const findLesson = async (id: string) => (await import('./catalog')).findLesson(id);

/** A lesson file is small; a larger file is not one. */
export const MAX_LESSON_BYTES = 2_000_000;

/** Puts a hash in the address bar and on the clipboard, and says so. */
export async function shareHash(hash: string, what: string): Promise<void> {
  const copied = await putLink(hash);
  showNotice({ tone: 'info', title: copied ? 'Link copied' : 'Link ready in the address bar', lines: [`${what} (${hash.length} characters).`] });
}

export async function openBuiltInLesson(id: string): Promise<boolean> {
  const lesson = await findLesson(id);
  if (!lesson) {
    showNotice({ tone: 'error', title: 'The lesson was not opened', lines: [`(link): there is no lesson "${id}" in this course`] });
    return false;
  }
  return openLesson(lesson, { custom: false });
}

/** The learner's scenario with the lesson, as a link a teacher can open. */
export async function shareAttempt(): Promise<void> {
  const s = useStore.getState();
  const o = s.lesson.open;
  if (!o) return;
  const hash = o.custom ? customLessonHash(o.lesson, s.scenario) : lessonHash(o.lesson.id, s.scenario);
  await shareHash(hash, `The lesson "${o.lesson.title}" and your scenario are in the link: whoever opens it sees your attempt`);
}

export function startAuthoring(): void {
  beginDraft(newDraft(useStore.getState().scenario));
}

/** Opens a lesson file (a teacher's own lesson); a bad file is refused with the field named. */
export async function openLessonFile(file: File): Promise<boolean> {
  if (file.size > MAX_LESSON_BYTES) {
    showNotice({ tone: 'error', title: `${file.name} was not opened`, lines: [`(file): is larger than ${MAX_LESSON_BYTES} bytes`] });
    return false;
  }
  let lesson: Lesson;
  try {
    // Without the extension: a copy the browser renamed ("my-lesson (1).json") need not match the lesson's id.
    lesson = parseLesson(await file.text(), file.name.replace(/\.json$/i, ''));
  } catch (e) {
    showNotice({ tone: 'error', title: `${file.name} was not opened: it is not a lesson this page can use`, lines: [e instanceof LessonError ? e.message : (e as Error).message] });
    return false;
  }
  return openLesson(lesson, { custom: true });
}

/** Opens what a location hash asks for; true when it asked for a lesson (opened or explained). */
export async function openLessonFromHash(hash: string): Promise<boolean> {
  const link = lessonLinkFromHash(hash);
  if (!link) return false;
  // Like a shared scenario, the link is read once; a reload then keeps the learner's work.
  history.replaceState(null, '', location.pathname + location.search);
  if (!link.ok) {
    showNotice({ tone: 'error', title: 'The lesson link was not opened: the page is as it was', lines: link.lines });
    return true;
  }
  if ('id' in link.lesson) {
    const lesson = await findLesson(link.lesson.id);
    if (!lesson) {
      showNotice({ tone: 'error', title: 'The lesson link was not opened: the page is as it was', lines: [`(link): there is no lesson "${link.lesson.id}" in this course`] });
      return true;
    }
    await openLesson(lesson, { custom: false, attempt: link.attempt });
  } else {
    await openLesson(link.lesson.lesson, { custom: true, attempt: link.attempt });
  }
  if (link.warnings.length > 0) showNotice({ tone: 'info', title: 'The attempt opened with warnings', lines: link.warnings });
  return true;
}

/**
 * At start-up: a lesson link opens its lesson; else the built-in lesson that was open when
 * the page was left comes back (its scenario is the autosaved one, the learner's work). Later
 * lesson links pasted into the address bar open too.
 */
export async function startLessonLinks(): Promise<void> {
  addEventListener('hashchange', () => {
    if (hasLessonLink(location.hash)) void openLessonFromHash(location.hash);
  });
  if (await openLessonFromHash(location.hash)) return;
  const openId = useStore.getState().lesson.progress.openId;
  const lesson = openId ? await findLesson(openId) : null;
  if (lesson) startLesson(lesson, false);
}
