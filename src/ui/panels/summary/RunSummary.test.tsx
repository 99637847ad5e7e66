import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../../tests/ui/storeHarness';
import { createSimulation } from '../../../engine/simulation';
import { parseScenarioOrThrow } from '../../../scenario/parse';
import { useStore } from '../../../store';
import { nextRunGen, onWorkerMessage } from '../../../store/engineBridge';
import { summarizeRun } from '../../../worker/runSummary';
import { RunSummary } from './RunSummary';

/** A short run in which the service is down for 3 s: a third of nothing but fast failures. */
const scenario = parseScenarioOrThrow({
  version: 1, name: 'short', seed: 3, durationMs: 20_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 20 } },
    { id: 'api', kind: 'service', instances: 1, concurrency: 2, serviceTimeMs: 10 },
    { id: 'idle', kind: 'client', load: { rps: 5 } },
    { id: 'down', kind: 'service', instances: 1, serviceTimeMs: 10 },
  ],
  edges: [{ from: 'users', to: 'api' }, { from: 'idle', to: 'down' }],
  faults: [{ kind: 'kill-service', target: 'api', atMs: 5_000, durationMs: 3_000 }, { kind: 'kill-service', target: 'down', atMs: 0, durationMs: 60_000 }],
});

function ended() {
  const sim = createSimulation(scenario);
  sim.runUntil(sim.durationMs);
  return summarizeRun(sim.report());
}

let sent: ReturnType<typeof fakeEngine>;
beforeEach(() => {
  resetStore();
  sent = fakeEngine();
});

/** The run reaches its end: the worker says so, as it does after its last picture. */
function endRun() {
  const gen = nextRunGen();
  act(() => onWorkerMessage({ type: 'ended', gen, summary: ended() }));
}

describe('the summary at the end of a run', () => {
  it('is a dialog with a heading that takes focus, with each client\'s numbers and the events that mattered', () => {
    render(<><button type="button">Play</button><RunSummary /></>);
    screen.getByRole('button', { name: 'Play' }).focus();
    endRun();
    expect(useStore.getState().run.status).toBe('done');
    const dialog = screen.getByRole('dialog', { name: 'The run ended at 0:20.0' });
    expect(dialog).toHaveFocus();
    const row = (id: string) => within(dialog).getByRole('row', { name: new RegExp(`^${id} `) });
    expect(row('users')).toHaveTextContent(/users\s*4\d\d\s*\d+ \(1\d%\)\s*\d+(\.\d)? ms/);
    // A client whose requests all failed has no p99 to flatter it.
    expect(row('idle')).toHaveTextContent('no successful requests');
    const events = within(dialog).getAllByRole('listitem').map((li) => li.textContent);
    expect(events).toContain('0:05.0 kill-service on api');
    expect(events).toContain('0:08.0 kill-service on api ended');
  });

  it('Escape closes it and gives focus back; a button opens it again', async () => {
    render(<><button type="button">Play</button><RunSummary /></>);
    screen.getByRole('button', { name: 'Play' }).focus();
    endRun();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Play' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Run summary' }));
    expect(screen.getByRole('dialog')).toHaveFocus();
  });

  it('Continue runs on past the end; Reset starts over', async () => {
    render(<RunSummary />);
    endRun();
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(sent.at(-1)).toEqual({ type: 'play' });
    expect(useStore.getState().run.status).toBe('running');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Run summary' })).toBeNull();
    endRun();
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(sent.some((m) => m.type === 'load')).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
