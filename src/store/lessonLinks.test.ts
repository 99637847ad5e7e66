import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { fixtureLesson } from '../../tests/ui/lessonHarness';
import { defaultScenario } from './defaultScenario';
import { customLessonHash, hasLessonLink, lessonHash, lessonLinkFromHash } from './lessonLinks';

describe('lesson links', () => {
  it('reads a built-in lesson by id, with or without a learner\'s attempt', () => {
    expect(lessonLinkFromHash('#lesson=circuit-breaker')).toEqual({ ok: true, lesson: { id: 'circuit-breaker' }, attempt: null, warnings: [] });
    const attempt = defaultScenario();
    const link = lessonLinkFromHash(lessonHash('circuit-breaker', attempt));
    expect(link).toMatchObject({ ok: true, lesson: { id: 'circuit-breaker' } });
    expect(link?.ok && link.attempt).toEqual(attempt);
  });

  it('carries a whole lesson compressed, and the lesson comes back as it went', () => {
    const lesson = fixtureLesson('first-queue');
    const hash = customLessonHash(lesson);
    expect(hash).toMatch(/^#lessonData=[A-Za-z0-9+\-$]+$/);
    const link = lessonLinkFromHash(hash);
    expect(link?.ok && 'lesson' in link.lesson && link.lesson.lesson).toEqual(lesson);
  });

  it('is not a lesson link without a lesson parameter', () => {
    expect(lessonLinkFromHash('#s=abc')).toBeNull();
    expect(lessonLinkFromHash('')).toBeNull();
    expect(hasLessonLink('#s=abc')).toBe(false);
    expect(hasLessonLink('#lesson=x')).toBe(true);
  });

  it('explains a malformed link instead of opening it', () => {
    expect(lessonLinkFromHash('#lesson=Not%20An%20Id')).toEqual({ ok: false, lines: ['(link): lesson "Not An Id" is not a lesson id (lower-case words joined by "-")'] });
    expect(lessonLinkFromHash('#lessonData=%%%broken')).toMatchObject({ ok: false, lines: [expect.stringMatching(/^\(link\): the lesson is damaged/)] });
    const notALesson = `#lessonData=${compressToEncodedURIComponent('{"hello": 1}')}`;
    expect(lessonLinkFromHash(notALesson)).toMatchObject({ ok: false, lines: [expect.stringMatching(/^\(link\): /)] });
    const badAttempt = `#lesson=circuit-breaker&attempt=${compressToEncodedURIComponent('{"version": 1, "name": "x", "nodes": [{"id": "a", "kind": "service", "concurrency": 0}]}')}`;
    expect(lessonLinkFromHash(badAttempt)).toEqual({ ok: false, lines: [expect.stringMatching(/^attempt: nodes\[0\]\.concurrency: /)] });
  });
});
