import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../store/defaultScenario';
import { draftLesson, goalId, kebab, newDraft, paragraphs } from './authorDraft';
import { formFromPick, goalFromForm, PICK_WINDOW_MS } from './GoalForm';

describe('a lesson made from the page', () => {
  it('starts from the scenario, with a run short enough to check', () => {
    const s = defaultScenario();
    const d = newDraft(s);
    expect(d.start).toBe(s);
    expect(d.meta.id).toBe('e-commerce-shop');
    expect(d.run.durationMs).toBe(60_000);
    const lesson = draftLesson({ ...d, steps: 'First step.\n\nSecond\nstep.', hints: 'one\n\n two ', goals: [{ id: 'g', label: 'G', check: { metric: 'clients.shoppers.errorRate', op: '<', value: 0.01 }, bonus: false }] });
    expect(lesson).toMatchObject({ lessonVersion: 1, id: 'e-commerce-shop', run: { seeds: [1, 2, 3], durationMs: 60_000 }, hints: ['one', 'two'], solution: [] });
    expect(lesson.steps).toEqual([{ text: 'First step.' }, { text: 'Second step.' }]);
    expect((lesson.scenario as { durationMs: number }).durationMs).toBe(60_000);
  });

  it('names things in kebab-case and keeps goal ids unique', () => {
    expect(kebab('  Payments: goes DOWN! ', 'x')).toBe('payments-goes-down');
    expect(kebab('???', 'fallback')).toBe('fallback');
    expect(paragraphs('a\n\n\n b ')).toEqual(['a', 'b']);
    const goals = [{ id: 'fast', label: 'Fast', check: { metric: 'a', op: '<' as const, value: 1 }, bonus: false }];
    expect(goalId('Fast', goals)).toBe('fast-2');
  });

  it('turns a chart point into "p99 under this line" around that moment', () => {
    const pick = { tMs: 30_000, lines: [{ series: 'series.clients.buyers.latencyP50Ms', name: 'p50', value: 20 }, { series: 'series.clients.buyers.latencyP99Ms', name: 'p99', value: 412.6 }] };
    const f = formFromPick(pick);
    expect(f).toMatchObject({ kind: 'series', series: 'series.clients.buyers.latencyP99Ms', op: '<=', value: '413', agg: 'max', fromS: String((30_000 - PICK_WINDOW_MS) / 1000), toS: String((30_000 + PICK_WINDOW_MS) / 1000) });
    expect(f.label).toBe('p99 stays at or under 413 ms from 0:20 to 0:40');
    const goal = goalFromForm({ kind: 'metric', path: '', bonus: false, ...f } as Parameters<typeof goalFromForm>[0], []);
    expect(goal).toEqual({ id: 'p99-stays-at-or-under-413-ms-from-0-20', label: f.label, check: { series: 'series.clients.buyers.latencyP99Ms', window: { fromMs: 20_000, toMs: 40_000 }, agg: 'max', op: '<=', value: 413 }, bonus: false });
  });

  it('says what is missing from a goal', () => {
    const base = { kind: 'metric' as const, label: 'Quick', path: 'clients.users.latencyMs.p99', series: '', op: '<=' as const, value: '', fromS: '0', toS: '10', agg: 'max' as const, bonus: false };
    expect(goalFromForm(base, [])).toBe('value must be a number');
    expect(goalFromForm({ ...base, value: '5', label: ' ' }, [])).toBe('label must say the goal in words');
    expect(goalFromForm({ ...base, value: '5', kind: 'series', series: 'series.clients.users.latencyP99Ms', fromS: '10', toS: '5' }, [])).toMatch(/^window/);
    expect(goalFromForm({ ...base, value: '5' }, [])).toEqual({ id: 'quick', label: 'Quick', check: { metric: 'clients.users.latencyMs.p99', op: '<=', value: 5 }, bonus: false });
  });
});
