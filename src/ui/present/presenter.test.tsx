import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ecommerce from '../../../scenarios/ecommerce.json';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { parseScenarioOrThrow } from '../../scenario/parse';
import { useStore } from '../../store';
import { AppShell } from '../app/AppShell';
import type { ToWorker } from '../../worker/protocol';
import { enterPresenter, exitPresenter, nextBeat, startBeatClock } from './presenter';
import { usePresent } from './presentState';

let sent: ToWorker[];

beforeEach(() => {
  resetStore();
  sent = fakeEngine();
  exitPresenter();
  useStore.setState({ scenario: parseScenarioOrThrow(ecommerce) });
});

const live = () => sent.filter((m) => m.type === 'startFault' || m.type === 'change' || m.type === 'stopFault');
const setClock = (simTimeMs: number) => act(() => useStore.setState((s) => ({ run: { ...s.run, simTimeMs } })));

describe('a beat acts on the run', () => {
  it('fires its fault through the live controls when the arrow key brings it on early', () => {
    enterPresenter();
    nextBeat();
    nextBeat();
    nextBeat();
    expect(live()).toEqual([
      { type: 'change', change: { type: 'spike', node: 'users', multiplier: 5, durationMs: 15_000 } },
      { type: 'startFault', fault: { kind: 'kill-service', target: 'payment', atMs: 0, durationMs: 15_000 } },
    ]);
    expect(usePresent.getState().focus).toEqual(['payment']);
  });

  it('fires the same fault when the run reaches its time, once, and again after a reset', () => {
    enterPresenter();
    const stop = startBeatClock();
    setClock(20_000);
    setClock(40_000);
    setClock(41_000);
    expect(live().map((m) => m.type)).toEqual(['change', 'startFault']);
    setClock(0);
    expect(usePresent.getState().cursor).toEqual({ fired: 1, shown: 0 });
    setClock(36_000);
    expect(live().map((m) => m.type)).toEqual(['change', 'startFault', 'change', 'startFault']);
    stop();
  });

  it('rewinds the script when Reset turns the run idle, even at time 0', () => {
    enterPresenter();
    const stop = startBeatClock();
    nextBeat();
    nextBeat();
    expect(useStore.getState().run.status).toBe('running');
    expect(usePresent.getState().cursor).toEqual({ fired: 3, shown: 2 });
    act(() => useStore.setState((s) => ({ run: { ...s.run, status: 'idle' } })));
    expect(usePresent.getState().cursor).toEqual({ fired: 1, shown: 0 });
    stop();
  });

  it('heals every active fault on a heal beat', () => {
    useStore.setState((s) => ({ run: { ...s.run, faults: [{ id: 'f1', fault: { kind: 'kill-service', target: 'payment' }, startedAtMs: 0, byChaos: false }] } }));
    enterPresenter();
    for (let i = 0; i < 4; i++) nextBeat();
    expect(live().at(-1)).toEqual({ type: 'stopFault', id: 'f1' });
  });
});

describe('presenter mode on screen', () => {
  it('hides the palette and the inspector, shows the captions as the script moves on, and Escape brings the editor back', async () => {
    render(<AppShell />);
    expect(screen.getByRole('button', { name: 'Present' })).toBeInTheDocument();
    act(() => enterPresenter());
    expect(await screen.findByTestId('presenter', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(document.querySelector('.mc-palette')).toBeNull();
    expect(document.querySelector('.mc-side')).toBeNull();
    expect(document.documentElement.dataset.present).toBe('on');
    // The first beat is at 0:00: it is on as soon as the script starts.
    expect(screen.getByTestId('beat-caption')).toHaveTextContent('0:00A shop: users call the gateway');
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByTestId('beat-caption')).toHaveTextContent('Spike the load x5');
    expect(screen.getByLabelText('Beat')).toHaveTextContent('2 / 4');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('presenter')).toBeNull();
    expect(document.querySelector('.mc-palette')).not.toBeNull();
  });
});
