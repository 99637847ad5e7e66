import { ReactFlowProvider, useStoreApi } from '@xyflow/react';
import { useLayoutEffect } from 'react';
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

  it('adds a pressed kind in the middle of the view, as React Flow has panned and zoomed it', async () => {
    // A 800x600 canvas, the drawing moved 8000 px left and 4000 up (away from the shop's nodes)
    // and zoomed 2x: the middle of the view is (4200, 2150) in the drawing; the node's top-left
    // corner goes 90 and 40 before it.
    function Canvas() {
      const flow = useStoreApi();
      useLayoutEffect(() => flow.setState({ width: 800, height: 600, transform: [-8000, -4000, 2] }), [flow]);
      return null;
    }
    render(<ReactFlowProvider><Canvas /><Palette /></ReactFlowProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Add Queue' }));
    const added = useStore.getState().scenario.nodes.find((n) => n.id === 'queue-1');
    expect(added?.position).toEqual({ x: 4110, y: 2110 });
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
