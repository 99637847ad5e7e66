import { act, render, renderHook, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MouseHandlerDataParam } from 'recharts';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeLessonWorker, type FakeLessonWorker } from '../../../tests/ui/lessonHarness';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { useStore } from '../../store';
import { setChartPick } from '../../store/lessonActions';
import { updateNode } from '../../store/scenarioActions';
import { LessonPanel } from './LessonPanel';
import { startAuthoring } from './lessonCommands';
import { useChartPick } from './useChartPick';

let worker: FakeLessonWorker;
beforeEach(() => {
  resetStore();
  fakeEngine();
  worker = fakeLessonWorker();
  act(() => startAuthoring());
});

/** The lesson panel in author mode, once its (lazily loaded) editor has arrived. */
async function renderAuthor() {
  render(<LessonPanel />);
  await screen.findByRole('complementary', { name: 'New lesson' }, { timeout: 15_000 });
}

const goalsList = () => screen.getByRole('region', { name: 'Goals of the new lesson' });

describe('making a lesson from the page', { timeout: 20_000 }, () => {
  it('starts from the scenario as it is, and is not a lesson until it has a goal', async () => {
    await renderAuthor();
    expect(screen.getByRole('complementary', { name: 'New lesson' })).toHaveTextContent('Starts from the scenario as it was when you began (E-commerce shop)');
    expect(screen.getByRole('alert')).toHaveTextContent('Not a lesson yet: e-commerce-shop.json: goals: goals needs at least one goal');
  });

  it('adds a goal from the form, with the figures of a run to choose from', async () => {
    worker.figures = [{ path: 'clients.shoppers.latencyMs.p99', value: 87.5 }, { path: 'clients.shoppers.errorRate', value: 0 }];
    await renderAuthor();
    const form = screen.getByRole('form', { name: 'Add a goal' });
    await userEvent.click(within(form).getByRole('button', { name: 'List the figures of a run' }));
    expect(worker.jobs.at(-1)).toMatchObject({ type: 'paths', durationMs: 60_000, seed: 1 });
    await userEvent.type(within(form).getByLabelText('figure'), 'clients.shoppers.latencyMs.p99');
    expect(within(form).getByText('Now: 87.5 ms')).toBeInTheDocument();
    await userEvent.selectOptions(within(form).getByLabelText('must be'), '<=');
    await userEvent.type(within(form).getByLabelText('value'), '150');
    await userEvent.click(within(form).getByRole('button', { name: 'Add the goal' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('label must say the goal in words');
    await userEvent.type(within(form).getByLabelText('label'), 'Shoppers get an answer within 150 ms');
    await userEvent.click(within(form).getByRole('button', { name: 'Add the goal' }));
    expect(useStore.getState().lesson.author?.goals).toEqual([
      { id: 'shoppers-get-an-answer-within-150-ms', label: 'Shoppers get an answer within 150 ms', check: { metric: 'clients.shoppers.latencyMs.p99', op: '<=', value: 150 }, bonus: false },
    ]);
    expect(goalsList()).toHaveTextContent('clients.shoppers.latencyMs.p99 ≤ 150 ms');
  });

  it('turns a click on a chart into "p99 under this line" around that moment', async () => {
    await renderAuthor();
    const rows = [{ t: 29, p99: 120 }, { t: 30, p99: 131.4, p50: 20 }];
    const lines = [{ name: 'p50', series: 'series.clients.shoppers.latencyP50Ms' }, { name: 'p99', series: 'series.clients.shoppers.latencyP99Ms' }];
    const { result } = renderHook(() => useChartPick(rows as never, lines));
    act(() => result.current.onClick?.({ activeLabel: 30, activeIndex: 1 } as unknown as MouseHandlerDataParam));
    const form = screen.getByRole('form', { name: 'Add a goal' });
    expect(within(form).getByLabelText('series')).toHaveValue('series.clients.shoppers.latencyP99Ms');
    expect(within(form).getByLabelText('value')).toHaveValue(131);
    expect(within(form).getByLabelText('from (s)')).toHaveValue(20);
    expect(within(form).getByLabelText('to (s)')).toHaveValue(40);
    await userEvent.click(within(form).getByRole('button', { name: 'Add the goal' }));
    expect(useStore.getState().lesson.author?.goals[0].check).toEqual({ series: 'series.clients.shoppers.latencyP99Ms', window: { fromMs: 20_000, toMs: 40_000 }, agg: 'max', op: '<=', value: 131 });
    act(() => setChartPick(null));
  });

  it('records the solution as the changes since the start, runs the proofs, then offers the file and the link', async () => {
    worker.proofs = [
      { proof: 'start fails', ok: true, detail: 'seed 1: p99 fails' },
      { proof: 'solution passes', ok: true, detail: 'every seed' },
      { proof: '4x capacity fails', ok: false, detail: 'passes on seed 1' },
    ];
    await renderAuthor();
    act(() => useStore.setState((s) => {
      s.lesson.author!.goals.push({ id: 'fast', label: 'Fast', check: { metric: 'clients.shoppers.latencyMs.p99', op: '<=', value: 150 }, bonus: false });
    }));
    const product = useStore.getState().scenario.nodes.find((n) => n.id === 'product')!;
    act(() => updateNode('product', { ...product, instances: 6 } as typeof product));
    expect(screen.getByRole('alert')).toHaveTextContent('debrief: debrief must not be empty');
    await userEvent.type(screen.getByLabelText('Debrief (shown when every goal passes)'), 'More instances, shorter queues.');
    await userEvent.click(screen.getByRole('button', { name: 'Record solution' }));
    expect(screen.getByText(/Recorded 1 change: replace \/nodes\/3\/instances/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download lesson file' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Check the lesson (four proofs)' }));
    expect(worker.jobs.at(-1)).toMatchObject({ type: 'prove', lesson: { id: 'e-commerce-shop', solution: [{ op: 'replace', path: '/nodes/3/instances', value: 6 }] } });
    const proofs = await screen.findByRole('list', { name: 'Proofs' });
    expect(within(proofs).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '✔ start fails: holds · seed 1: p99 fails',
      '✔ solution passes: holds · every seed',
      '✖ 4x capacity fails: does not hold · passes on seed 1',
    ]);
    expect(screen.getByText(/Some proofs do not hold/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download lesson file' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy lesson link' })).toBeInTheDocument();
    // Any edit to the draft asks for the proofs again.
    await userEvent.type(screen.getByLabelText('minutes'), '5');
    expect(screen.queryByRole('button', { name: 'Download lesson file' })).toBeNull();
  });
});
