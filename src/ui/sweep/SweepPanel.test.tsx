import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import scaleOut from '../../../scenarios/scale-out-vs-up.json';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { parseScenarioOrThrow } from '../../scenario/parse';
import { useStore } from '../../store';
import type { RunFigures } from '../../sweep/figures';
import { checkSweep } from '../../sweep/plan';
import type { SweepJob } from '../../worker/sweepJobs';
import type { SweepListener, SweepRunner } from '../../worker/sweepClient';
import { SweepPanel } from './SweepPanel';
import { useSweep } from './sweepState';

/** A runner the test drives: it keeps the job and the listener, and counts cancels. */
function fakeRunner() {
  const r = { job: null as SweepJob | null, on: null as SweepListener | null, cancel: vi.fn(), calls: 0 };
  const runner: SweepRunner = (job, on) => {
    r.calls++;
    r.job = job;
    r.on = on;
    return r.cancel;
  };
  return { ...r, runner, get: () => r };
}

const figures = (p99: number, cost: number): RunFigures => ({ clients: { shoppers: { p50: p99 / 3, p99, errorRate: 0, throughput: 400 } }, errorRate: p99 > 1000 ? 0.2 : 0, throughput: 400, cost });

beforeEach(() => {
  resetStore();
  fakeEngine();
  useStore.setState({ scenario: parseScenarioOrThrow(scaleOut) });
  useSweep.setState({ form: null, status: 'idle', plan: null, runs: [], message: null });
});

describe('the Sweep panel', () => {
  it("offers the scenario's fields in words, each with a range around its value", async () => {
    render(<SweepPanel runner={fakeRunner().runner} />);
    const vary = screen.getByLabelText('Vary');
    expect(within(vary).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'shoppers: requests per second (now 400)', 'checkout: instances (now 4)', 'shoppers → checkout: timeout (now 2000)',
    ]);
    expect(screen.getByLabelText('From')).toHaveValue('100');
    expect(screen.getByLabelText('To')).toHaveValue('800');
    await userEvent.selectOptions(vary, 'nodes.checkout.instances');
    expect(screen.getByLabelText('From')).toHaveValue('1');
    expect(screen.getByLabelText('To')).toHaveValue('8');
    expect(screen.getByLabelText('In steps of')).toHaveValue('1');
  });

  it('runs the sweep off the page with a progress bar, fills the table as runs arrive, marks the knee, and Cancel stops it', async () => {
    const fake = fakeRunner();
    render(<SweepPanel runner={fake.runner} />);
    await userEvent.selectOptions(screen.getByLabelText('Vary'), 'nodes.checkout.instances');
    await userEvent.click(screen.getByRole('button', { name: 'Run sweep' }));
    const { job, on } = fake.get();
    expect(job).toMatchObject({ path: 'nodes.checkout.instances', values: [1, 2, 3, 4, 5, 6, 7, 8], seeds: [5], durationMs: 180_000 });
    const p99s = [2000, 900, 60, 50, 48, 47, 47, 47];
    act(() => {
      on!.run(0, figures(p99s[0], 0.1));
      on!.run(1, figures(p99s[1], 0.2));
    });
    expect(screen.getByRole('progressbar', { name: 'Sweep progress' })).toHaveAttribute('value', '2');
    expect(screen.getByRole('status')).toHaveTextContent('Run 3 of 8…');
    expect(screen.getAllByRole('row')).toHaveLength(3);
    act(() => p99s.slice(2).forEach((p, i) => on!.run(i + 2, figures(p, 0.1 * (i + 3)))));
    act(() => on!.done());
    expect(screen.getByRole('status')).toHaveTextContent('8 runs done: 8 values × 1 seed, 180 s simulated each.');
    expect(screen.getByRole('rowheader', { name: '3 (knee)' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'What the sweep shows' })).toHaveTextContent('Knee at 3 instances: p99 falls steeply');
    expect(screen.getByRole('list', { name: 'What the sweep shows' })).toHaveTextContent('Each extra instance costs $2.00/h');
    // Three charts, each with its button to save it as a picture.
    expect(screen.getAllByRole('figure').map((f) => f.querySelector('figcaption')?.textContent)).toEqual(['p99 latency (ms)', 'Error rate (%)', 'Cost ($ per hour)']);
    expect(screen.getByRole('button', { name: 'Save the chart "p99 latency (ms)" as a PNG picture' })).toBeInTheDocument();

    // A second sweep, cancelled half way: its worker is ended and the panel says where it stopped.
    await userEvent.click(screen.getByRole('button', { name: 'Run sweep' }));
    act(() => fake.get().on!.run(0, figures(100, 1)));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fake.get().cancel).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('Cancelled after 1 of 8 runs.');
    // A late answer from the cancelled worker changes nothing.
    act(() => fake.get().on!.run(1, figures(100, 1)));
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });

  it('says what is wrong with a range, in the words of the form, and runs nothing', async () => {
    // The worker's first step: check every value before any run.
    let runs = 0;
    const checking: SweepRunner = (job, on) => {
      const checked = checkSweep(job.scenario, job.path, job.values);
      if (!checked.ok) on.invalid(checked.problem);
      else runs++;
      return () => undefined;
    };
    const fake = { ...fakeRunner(), runner: checking };
    render(<SweepPanel runner={fake.runner} />);
    await userEvent.selectOptions(screen.getByLabelText('Vary'), 'nodes.checkout.instances');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2' } });
    await userEvent.click(screen.getByRole('button', { name: 'Run sweep' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Range 6..2 runs backwards');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '-1' } });
    await userEvent.click(screen.getByRole('button', { name: 'Run sweep' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/checkout: instances = -1: .*instances/);
    expect(runs).toBe(0);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
