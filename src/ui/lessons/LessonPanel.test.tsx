import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLessonWorker, fixtureLesson, type FakeLessonWorker } from '../../../tests/ui/lessonHarness';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import type { GoalResult, LessonResult, Verdict } from '../../lessons/types';
import { useStore } from '../../store';
import { onWorkerMessage } from '../../store/engineBridge';
import { loadProgress } from '../../store/lessonProgress';
import { selectSpotlight } from '../../store/lessonSelectors';
import { startLessonSync } from '../../store/lessonSync';
import { LessonPanel } from './LessonPanel';
import { openLesson } from './openLesson';

let sent: ReturnType<typeof fakeEngine>;
let worker: FakeLessonWorker;
let stop: () => void;
const lesson = fixtureLesson('circuit-breaker');

beforeEach(async () => {
  localStorage.clear();
  resetStore();
  sent = fakeEngine();
  worker = fakeLessonWorker();
  stop = startLessonSync();
  await act(async () => void (await openLesson(lesson, { custom: false })));
});
afterEach(() => stop());

const gen = () => (sent.filter((m) => m.type === 'load').at(-1) as { gen: number }).gen;
const goals = () => screen.getByRole('list', { name: /^Goals/ });
const goal = (id: string) => goals().querySelector(`[data-goal="${id}"]`) as HTMLElement;
const clock = (simTimeMs: number, status: 'running' | 'paused' = 'running') => act(() => useStore.setState((s) => ({ run: { ...s.run, simTimeMs, status } })));

const verdict = (goal: string, status: Verdict['status'], actual: number | null, limit: number, op = '<='): Verdict => ({ goal, status, actual, limit, op, message: '' });
const result = (passed: boolean, goals: Partial<GoalResult>[]): LessonResult => ({
  passed, seeds: [1, 2, 3],
  goals: goals.map((g) => ({ goal: 'x', label: '', bonus: false, status: 'pass', actual: 0, limit: 0, op: '<=', message: '', ...g })),
});
const FAILING = result(false, [
  { goal: 'buyers-fail-fast', status: 'fail', actual: 1012, limit: 100, seed: 2, brokeAtMs: 31_000 },
  { goal: 'browsers-unhurt', status: 'pass', actual: 0.002, limit: 0.01, op: '<' },
  { goal: 'payments-spared', status: 'fail', actual: 900, limit: 300, op: '<', bonus: true },
]);
const PASSING = result(true, [
  { goal: 'buyers-fail-fast', status: 'pass', actual: 12, limit: 100 },
  { goal: 'browsers-unhurt', status: 'pass', actual: 0, limit: 0.01, op: '<' },
  { goal: 'payments-spared', status: 'pass', actual: 40, limit: 300, op: '<', bonus: true },
]);

/** The run reaches the lesson's duration: the full check runs and its verdict shows. */
async function endRun(answer: LessonResult) {
  worker.check = () => answer;
  await clock(60_000);
  await screen.findByText(answer.passed ? /Every goal passed/ : /Not yet: a goal failed/);
}

describe('the lesson panel', { timeout: 20_000 }, () => {
  it('opens the lesson\'s scenario as one undoable step, set to the lesson\'s run, and tells the worker', () => {
    const s = useStore.getState();
    expect(s.scenario.name).toBe('Payments goes down');
    expect(s.scenario).toMatchObject({ seed: 1, durationMs: 60_000, warmupMs: 5000 });
    expect(useStore.temporal.getState().pastStates).toHaveLength(1);
    expect(sent).toContainEqual(expect.objectContaining({ type: 'setLesson', lesson }));
  });

  it('walks the briefing one step at a time, spotlighting what each step names and running its action', async () => {
    render(<LessonPanel />);
    expect(screen.getByText(/step 1 of 3/)).toBeInTheDocument();
    expect(selectSpotlight(useStore.getState())).toEqual(['checkout', 'payments', 'checkout->payments']);
    expect(screen.getByText(/^Highlighted on the canvas:/)).toHaveTextContent('Checkout, Payments (partner), Checkout → Payments (partner)');
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText(/step 2 of 3/)).toBeInTheDocument();
    expect(screen.getByText(/At 20 s Payments stops answering/)).toBeInTheDocument();
    expect(selectSpotlight(useStore.getState())).toEqual(['payments']);
    await userEvent.click(screen.getByRole('button', { name: 'Play until 0:40.0' }));
    expect(sent.at(-1)).toEqual({ type: 'play' });
    await clock(40_200);
    expect(sent.at(-1)).toEqual({ type: 'pause' });
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await clock(40_200, 'paused');
    await userEvent.click(screen.getByRole('button', { name: 'Start the fault "payments-down"' }));
    expect(sent.slice(-2)).toEqual([{ type: 'startFault', fault: lesson.scenario.faults![0] }, { type: 'play' }]);
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByText(/step 2 of 3/)).toBeInTheDocument();
  });

  it('asks the prediction before the first run and reveals the answer after it', async () => {
    render(<LessonPanel />);
    expect(screen.getByText('Payments stops answering at 20 s. Who has a bad time?')).toBeInTheDocument();
    expect(screen.queryByText(/Waiting checkouts fill the gateway/)).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'Only the buying shoppers' }));
    await endRun(FAILING);
    expect(screen.getByText(/You chose "Only the buying shoppers"/)).toBeInTheDocument();
    expect(screen.getByText(/The answer is "Both"/)).toBeInTheDocument();
    expect(screen.getByText(/Waiting checkouts fill the gateway/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Both/ })).toBeDisabled();
  });

  it('shows the goals live as the worker judges them, with the actual figure beside the limit', async () => {
    render(<LessonPanel />);
    expect(within(goal('buyers-fail-fast')).getByText('waiting for its window')).toBeInTheDocument();
    act(() => onWorkerMessage({ type: 'goals', gen: gen(), nowMs: 35_000, verdicts: [
      verdict('buyers-fail-fast', 'fail', 1012, 100),
      verdict('browsers-unhurt', 'pass', 0.004, 0.01, '<'),
      verdict('payments-spared', 'pending', null, 300, '<'),
    ] }));
    expect(goal('buyers-fail-fast')).toHaveAttribute('data-status', 'fail');
    expect(goal('buyers-fail-fast')).toHaveTextContent('failing · actual 1.01 s · limit ≤ 100 ms');
    expect(goal('browsers-unhurt')).toHaveTextContent('passing so far · actual 0.4% · limit < 1.0%');
    expect(goal('payments-spared')).toHaveTextContent('waiting for its window');
    // A picture of an older run is dropped.
    act(() => onWorkerMessage({ type: 'goals', gen: gen() - 1, nowMs: 1, verdicts: [] }));
    expect(goal('buyers-fail-fast')).toHaveAttribute('data-status', 'fail');
  });

  it('checks the whole lesson when the run ends, unlocks a hint per failed run and shows where a goal broke', async () => {
    render(<LessonPanel />);
    expect(screen.getByText('Hints')).toBeInTheDocument();
    expect(screen.queryByText(/What if it stopped for a while/)).toBeNull();
    await endRun(FAILING);
    expect(worker.jobs).toEqual([{ type: 'check', lesson, scenario: useStore.getState().scenario }]);
    expect(sent.at(-1)).toEqual({ type: 'pause' });
    expect(goal('buyers-fail-fast')).toHaveTextContent('failed · actual 1.01 s · limit ≤ 100 ms · seed 2');
    expect(screen.getByText(/What if it stopped for a while/)).toBeInTheDocument();
    expect(screen.queryByText(/select the arrow from Checkout/)).toBeNull();
    await userEvent.click(within(goal('buyers-fail-fast')).getByRole('button', { name: 'Show on chart' }));
    expect(useStore.getState().lesson.chartMark).toEqual({ atMs: 31_000, label: 'buyers-fail-fast broke at 0:31.0 (seed 2)' });
    // The same run is checked once; a new run (from the start) is checked again.
    await clock(61_000);
    expect(worker.jobs).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Run again from the start' }));
    expect(sent.some((m) => m.type === 'load')).toBe(true);
    expect(screen.queryByText(/Not yet/)).toBeNull();
    await endRun(FAILING);
    expect(worker.jobs).toHaveLength(2);
    expect(screen.getByText(/select the arrow from Checkout/)).toBeInTheDocument();
    expect(loadProgress().lessons['circuit-breaker']).toEqual({ solved: false, withHelp: false, bonus: [], runs: 2 });
  });

  it('shows the debrief when every goal passes, and keeps the tick and the bonus star', async () => {
    render(<LessonPanel />);
    await endRun(PASSING);
    const debrief = screen.getByRole('region', { name: '✔ Solved' });
    expect(debrief).toHaveTextContent('A circuit breaker turns slow failures into fast ones.');
    expect(debrief).toHaveTextContent('Circuit Breaker Pattern');
    expect(within(debrief).getByLabelText('1 of 1 bonus goals met')).toHaveTextContent('★');
    expect(loadProgress().lessons['circuit-breaker']).toEqual({ solved: true, withHelp: false, bonus: ['payments-spared'], runs: 1 });
  });

  it('applies the solution on request, and the lesson then counts as solved with help', async () => {
    render(<LessonPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Show solution' }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply the solution' }));
    await vi.waitFor(() => expect(useStore.getState().scenario.edges[4]).toHaveProperty('circuitBreaker'));
    expect(useStore.temporal.getState().pastStates).toHaveLength(2);
    await endRun(PASSING);
    expect(screen.getByRole('region', { name: '✔ Solved with help' })).toBeInTheDocument();
    expect(loadProgress().lessons['circuit-breaker']).toMatchObject({ solved: true, withHelp: true });
  });

  it('folds to a strip and unfolds, and leaving it stops the worker judging', async () => {
    render(<LessonPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Fold the lesson panel' }));
    expect(selectSpotlight(useStore.getState())).toEqual([]);
    const unfold = screen.getByRole('button', { name: /Lesson: Stop waiting/ });
    expect(unfold).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(unfold);
    await userEvent.click(screen.getByRole('button', { name: 'Leave the lesson' }));
    expect(screen.queryByTestId('lesson-panel')).toBeNull();
    expect(sent.at(-1)).toEqual({ type: 'setLesson', lesson: null });
    expect(loadProgress().openId).toBeUndefined();
  });
});
