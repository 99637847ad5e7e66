import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress, loadProgress, mergeProgress, parseProgressText, PROGRESS_KEY, progressText, saveProgress, type Progress } from './lessonProgress';

const solved = (withHelp: boolean, bonus: string[] = []) => ({ solved: true, withHelp, bonus, runs: 2 });

beforeEach(() => localStorage.clear());

describe('lesson progress', () => {
  it('survives a round trip through the storage and through a file', () => {
    const p: Progress = { version: 1, lessons: { 'circuit-breaker': solved(false, ['payments-spared']) }, openId: 'circuit-breaker' };
    saveProgress(p);
    expect(loadProgress()).toEqual(p);
    const back = parseProgressText(progressText(p));
    expect(back).toEqual({ ok: true, progress: p });
  });

  it('starts afresh when the stored record is damaged', () => {
    localStorage.setItem(PROGRESS_KEY, '{"version": 1, "lessons": 3');
    expect(loadProgress()).toEqual(emptyProgress());
  });

  it('refuses a bad file with one message naming the field', () => {
    const bad = JSON.stringify({ version: 1, lessons: { 'circuit-breaker': { solved: 'yes', withHelp: false, bonus: [], runs: 1 } } });
    const r = parseProgressText(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^lessons\.circuit-breaker\.solved: must be a boolean/);
    expect(parseProgressText('not json')).toMatchObject({ ok: false, message: expect.stringMatching(/^\(file\): is not valid JSON/) });
    expect(parseProgressText('{"version": 2, "lessons": {}}')).toMatchObject({ ok: false, message: expect.stringMatching(/^version/) });
    expect(parseProgressText('[]')).toMatchObject({ ok: false, message: expect.stringMatching(/^\(top level\)/) });
  });

  it('merges two records: solved in either stays solved, a clean solve beats one with help, bonus goals add up', () => {
    const a: Progress = { version: 1, lessons: { x: solved(true, ['b1']), y: { solved: false, withHelp: false, bonus: [], runs: 3 } } };
    const b: Progress = { version: 1, lessons: { x: solved(false, ['b2']), z: solved(true) } };
    const m = mergeProgress(a, b);
    expect(m.lessons.x).toEqual({ solved: true, withHelp: false, bonus: ['b1', 'b2'], runs: 2 });
    expect(m.lessons.y.solved).toBe(false);
    expect(m.lessons.z).toEqual(solved(true));
  });
});
