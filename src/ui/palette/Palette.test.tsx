import { ReactFlowProvider } from '@xyflow/react';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { KINDS } from '../../engine/kinds';
import { useStore } from '../../store';
import { reset } from '../../store/runActions';
import { startScenarioSync } from '../../store/scenarioSync';
import { Inspector } from '../panels/inspector/Inspector';
import { Palette } from './Palette';
import { PALETTE_MIME } from './paletteDrag';

let sent: ReturnType<typeof fakeEngine>;
let stop: (() => void) | undefined;
beforeEach(() => {
  resetStore();
  sent = fakeEngine();
});
afterEach(() => {
  stop?.();
  stop = undefined;
});

const renderPalette = () => render(<ReactFlowProvider><Palette /></ReactFlowProvider>);

describe('Palette', () => {
  it('offers every engine kind as a named button', () => {
    renderPalette();
    for (const k of KINDS) expect(screen.getByRole('button', { name: `Add ${k.title}` })).toBeInTheDocument();
  });

  it('adds a node when a kind is pressed, and selects it', async () => {
    renderPalette();
    await userEvent.click(screen.getByRole('button', { name: 'Add Service' }));
    const s = useStore.getState();
    expect(s.scenario.nodes.some((n) => n.id === 'service-1' && n.kind === 'service')).toBe(true);
    expect(s.selection).toEqual({ type: 'node', id: 'service-1' });
  });

  it('puts the kind on the drag for the canvas to drop', () => {
    renderPalette();
    const data = new Map<string, string>();
    fireEvent.dragStart(screen.getByRole('button', { name: 'Add Database' }), {
      dataTransfer: { setData: (t: string, v: string) => data.set(t, v), effectAllowed: '' },
    });
    expect(data.get(PALETTE_MIME)).toBe('database');
  });

  it('drops a saga that explains what it needs, while the run goes on without it', async () => {
    reset(false);
    stop = startScenarioSync();
    sent.length = 0;
    render(<ReactFlowProvider><Palette /><Inspector /></ReactFlowProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Add Saga' }));
    const hint = screen.getByRole('status', { name: 'saga-1 is not running yet' });
    expect(hint).toHaveTextContent('Connect the saga to the services of its steps');
    expect(hint).toHaveTextContent('steps[0].call: unknown node "service-to-call"');
    expect(sent).toEqual([]);
    expect(useStore.getState().ui.notice).toBeNull();
  });
});
