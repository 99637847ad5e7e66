import { act } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_FILES, fakeLessonWorker, fixtureLesson } from '../../../tests/ui/lessonHarness';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { useStore } from '../../store';
import { customLessonHash, lessonHash } from '../../store/lessonLinks';
import { defaultScenario } from '../../store/defaultScenario';
import { openLessonFromHash, startLessonLinks } from './lessonCommands';

vi.mock('./catalog', async (importOriginal) => {
  const real = await importOriginal<typeof import('./catalog')>();
  const catalog = real.buildCatalog(FIXTURE_FILES);
  return { ...real, getCatalog: () => catalog, findLesson: (id: string) => catalog.byId.get(id)?.lesson ?? null };
});

beforeEach(() => {
  localStorage.clear();
  resetStore();
  fakeEngine();
  fakeLessonWorker();
  history.replaceState(null, '', '/');
});

const open = async (hash: string) => {
  history.replaceState(null, '', hash);
  await act(async () => void (await openLessonFromHash(location.hash)));
};

describe('lesson links', () => {
  it('#lesson=ID opens a built-in lesson, then leaves the address', async () => {
    await open('#lesson=circuit-breaker');
    expect(useStore.getState().lesson.open?.lesson.id).toBe('circuit-breaker');
    expect(useStore.getState().scenario.name).toBe('Payments goes down');
    expect(location.hash).toBe('');
  });

  it('a custom lesson travels whole in the link, with the learner\'s attempt', async () => {
    const attempt = { ...defaultScenario(), name: 'My attempt' };
    await open(customLessonHash(fixtureLesson('first-queue'), attempt));
    const s = useStore.getState();
    expect(s.lesson.open).toMatchObject({ custom: true, lesson: { id: 'first-queue' } });
    expect(s.scenario.name).toBe('My attempt');
    // A custom lesson is not part of the course: it is not reopened after a reload.
    expect(s.lesson.progress.openId).toBeUndefined();
  });

  it('a malformed link says what is wrong and leaves the page as it was', async () => {
    const before = useStore.getState().scenario;
    await open('#lesson=no-such-lesson');
    expect(useStore.getState().ui.notice).toMatchObject({ tone: 'error', title: 'The lesson link was not opened: the page is as it was', lines: ['(link): there is no lesson "no-such-lesson" in this course'] });
    await open('#lessonData=garbage');
    expect(useStore.getState().ui.notice?.lines[0]).toMatch(/^\(link\): the lesson is damaged/);
    await open(`${lessonHash('circuit-breaker')}&attempt=xyz`);
    expect(useStore.getState().ui.notice?.lines[0]).toMatch(/^\(link\): the attempt is damaged/);
    expect(useStore.getState().scenario).toBe(before);
    expect(useStore.getState().lesson.open).toBeNull();
  });

  it('opens a lesson link pasted into the address bar later, and reopens the open lesson at start-up', async () => {
    useStore.setState((s) => {
      s.lesson.progress.openId = 'first-queue';
    });
    await act(async () => void (await startLessonLinks()));
    expect(useStore.getState().lesson.open?.lesson.id).toBe('first-queue');
    // Reopened over the scenario the learner left (the autosave), not its start.
    expect(useStore.getState().scenario.name).toBe('E-commerce shop');
    history.replaceState(null, '', '#lesson=circuit-breaker');
    await act(async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await vi.waitFor(() => expect(useStore.getState().lesson.open?.lesson.id).toBe('circuit-breaker'));
    });
  });
});
