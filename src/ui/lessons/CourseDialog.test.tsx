import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_FILES, fakeLessonWorker } from '../../../tests/ui/lessonHarness';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { useStore } from '../../store';
import { loadProgress, PROGRESS_KEY } from '../../store/lessonProgress';
import { initialLesson } from '../../store/lessonSlice';
import { startLessonSync } from '../../store/lessonSync';
import { MoreMenu, type Fold } from '../toolbar/MoreMenu';
import { Toolbar } from '../toolbar/Toolbar';
import { CourseDialog } from './CourseDialog';
import { LessonPanel } from './LessonPanel';

// The course of the fixture files, not of the repository's lessons (which change as they are written).
vi.mock('./catalog', async (importOriginal) => {
  const real = await importOriginal<typeof import('./catalog')>();
  const catalog = real.buildCatalog(FIXTURE_FILES);
  return { ...real, getCatalog: () => catalog, findLesson: (id: string) => catalog.byId.get(id)?.lesson ?? null };
});

/** A Blob's text (jsdom's Blob has no text()). */
const blobText = (b: Blob) => new Promise<string>((resolve) => {
  const r = new FileReader();
  r.onload = () => resolve(String(r.result));
  r.readAsText(b);
});

/** A File whose text() works (jsdom's File has none; browsers' do). */
function file(name: string, text: string): File {
  const f = new File([text], name, { type: 'application/json' });
  Object.defineProperty(f, 'text', { value: async () => text });
  return f;
}

beforeEach(() => {
  localStorage.clear();
  resetStore();
  fakeEngine();
  fakeLessonWorker();
});

const openCourse = async () => {
  render(<><Toolbar /><CourseDialog /><LessonPanel /></>);
  await userEvent.click(screen.getByRole('button', { name: 'Lessons' }));
  return screen.getByRole('dialog', { name: 'Lessons' });
};

describe('the course dialog', { timeout: 20_000 }, () => {
  it('opens from the toolbar and lists the sequences in order, with their introductions and lessons', async () => {
    const dialog = await openCourse();
    const sequences = within(dialog).getAllByRole('region');
    expect(sequences.map((s) => within(s).getByRole('heading').textContent)).toEqual(['Foundations', 'Resilience']);
    expect(sequences[0]).toHaveTextContent('How one request travels through services.');
    const row = dialog.querySelector('[data-lesson="circuit-breaker"]') as HTMLElement;
    expect(within(row).getByRole('button', { name: /Stop waiting on a dead dependency/ })).toHaveTextContent('Start here');
    expect(row).toHaveTextContent('10 min · medium');
    expect(row).toHaveTextContent('new');
    expect(within(row).getByLabelText('0 of 1 bonus goals met')).toHaveTextContent('☆');
  });

  it('shows a tick when a lesson is solved, "solved with help" when the solution was shown, and a star per bonus goal met', async () => {
    act(() => useStore.setState((s) => {
      s.lesson.progress.lessons['circuit-breaker'] = { solved: true, withHelp: false, bonus: ['payments-spared'], runs: 3 };
      s.lesson.progress.lessons['first-queue'] = { solved: true, withHelp: true, bonus: [], runs: 1 };
    }));
    const dialog = await openCourse();
    const cb = dialog.querySelector('[data-lesson="circuit-breaker"]') as HTMLElement;
    expect(cb).toHaveTextContent('✔ solved');
    expect(within(cb).getByLabelText('1 of 1 bonus goals met')).toHaveTextContent('★');
    expect(dialog.querySelector('[data-lesson="first-queue"]')).toHaveTextContent('✔ solved with help');
  });

  it('opens a lesson: its scenario as an undoable step, the lesson panel, the dialog closed', async () => {
    const stop = startLessonSync();
    const dialog = await openCourse();
    await userEvent.click(within(dialog).getByRole('button', { name: /Stop waiting on a dead dependency/ }));
    await screen.findByTestId('lesson-panel');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useStore.getState().scenario.name).toBe('Payments goes down');
    expect(useStore.temporal.getState().pastStates).toHaveLength(1);
    expect(loadProgress().openId).toBe('circuit-breaker');
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(useStore.getState().scenario.name).toBe('E-commerce shop');
    stop();
  });

  it('opens from the toolbar\'s More menu when the toolbar has folded its button away', async () => {
    render(<><MoreMenu folded={new Set<Fold>(['lessons'])} onImport={() => undefined} /><CourseDialog /></>);
    await userEvent.click(screen.getByRole('button', { name: 'More' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Lessons…' }));
    expect(screen.getByRole('dialog', { name: 'Lessons' })).toBeInTheDocument();
  });

  it('closes with Escape', async () => {
    await openCourse();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('exports the progress as a file and imports one, adding it to what is known', async () => {
    const stop = startLessonSync();
    act(() => useStore.setState((s) => {
      s.lesson.progress.lessons['first-queue'] = { solved: true, withHelp: false, bonus: [], runs: 1 };
    }));
    let saved: Blob | undefined;
    URL.createObjectURL = vi.fn((b: Blob) => { saved = b; return 'blob:progress'; });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const dialog = await openCourse();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Export progress' }));
    expect(click).toHaveBeenCalled();
    expect(JSON.parse(await blobText(saved!))).toEqual({ version: 1, lessons: { 'first-queue': { solved: true, withHelp: false, bonus: [], runs: 1 } } });

    const mine = { version: 1, lessons: { 'circuit-breaker': { solved: true, withHelp: false, bonus: ['payments-spared'], runs: 2 } } };
    await userEvent.upload(within(dialog).getByTestId('progress-input'), file('from-school.json', JSON.stringify(mine)));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Progress from from-school.json added (1 lessons).');
    expect(Object.keys(useStore.getState().lesson.progress.lessons).sort()).toEqual(['circuit-breaker', 'first-queue']);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).lessons['circuit-breaker'].solved).toBe(true);
    stop();
  });

  it('refuses a bad progress file with an inline message naming the field, and keeps the progress', async () => {
    const before = useStore.getState().lesson.progress;
    const dialog = await openCourse();
    const bad = { version: 1, lessons: { 'circuit-breaker': { solved: true, withHelp: false, bonus: 'all', runs: 2 } } };
    await userEvent.upload(within(dialog).getByTestId('progress-input'), file('mine.json', JSON.stringify(bad)));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('mine.json was not loaded: lessons.circuit-breaker.bonus: must be an array, not a string');
    expect(useStore.getState().lesson.progress).toBe(before);
  });

  it('keeps progress across a reload (the store starts from what was saved)', () => {
    const stop = startLessonSync();
    act(() => useStore.setState((s) => {
      s.lesson.progress.lessons['circuit-breaker'] = { solved: true, withHelp: false, bonus: [], runs: 1 };
    }));
    stop();
    expect(initialLesson().progress.lessons['circuit-breaker'].solved).toBe(true);
  });
});
