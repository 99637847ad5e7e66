import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../../tests/ui/storeHarness';
import { useStore } from '../../../store';
import { startScenarioSync } from '../../../store/scenarioSync';
import { Inspector } from '../inspector/Inspector';
import { TracePanel } from './TraceView';

let sent: ReturnType<typeof fakeEngine>;
let stop: () => void;
beforeEach(() => {
  resetStore();
  sent = fakeEngine();
  stop = startScenarioSync();
});
afterEach(() => stop());

const caps = (traces: boolean) => act(() => useStore.setState((s) => void (s.run.capabilities = { traces })));
const setTracing = (tracing: { sampleRate: number } | undefined) => act(() => useStore.setState((s) => void (s.scenario.tracing = tracing)));

describe('the Traces tab when it has nothing to show', () => {
  it('says tracing is off and where in the inspector to turn it on', () => {
    setTracing({ sampleRate: 0 });
    caps(false);
    render(<TracePanel />);
    expect(screen.getByRole('status')).toHaveTextContent('Tracing is off');
    expect(screen.getByRole('status')).toHaveTextContent('in the inspector, tick tracing and set its sample rate');
  });

  it("before any trace, says the page's default rate when the scenario sets none", () => {
    setTracing(undefined);
    caps(true);
    render(<TracePanel />);
    expect(screen.getByRole('status')).toHaveTextContent('No traces yet: press Play. The page traces 2 % of requests when a scenario sets no tracing of its own.');
  });

  it('turning tracing on in the inspector restarts the run with it', async () => {
    setTracing(undefined);
    render(<Inspector />);
    expect(screen.getByText(/Tracing not set: the page traces 2 % of requests/)).toBeInTheDocument();
    sent.length = 0;
    await userEvent.click(screen.getByRole('checkbox', { name: 'tracing' }));
    expect(useStore.getState().scenario.tracing).toEqual({ sampleRate: 0.01 });
    expect(sent.filter((m) => m.type === 'load')).toHaveLength(1);
  });
});
