import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../../../tests/ui/storeHarness';
import { undo, useStore } from '../../../../store';
import { replaceScenario } from '../../../../store/scenarioActions';
import { startScenarioSync } from '../../../../store/scenarioSync';
import { select } from '../../../../store/uiActions';
import { PRESETS } from '../../../persistence/presets';
import { Inspector } from '../Inspector';

let sent: ReturnType<typeof fakeEngine>;
let stop: () => void;
beforeEach(async () => {
  stop?.();
  resetStore();
  sent = fakeEngine();
  const strangler = await PRESETS.find((p) => p.id === 'strangler-fig')!.load();
  if (!strangler.ok) throw new Error('strangler-fig does not parse');
  replaceScenario(strangler.scenario);
  stop = startScenarioSync();
  act(() => select({ type: 'node', id: 'gateway' }));
});

const orders = () => (useStore.getState().scenario.nodes.find((n) => n.id === 'gateway') as { routes: { prefix: string; to: unknown }[] }).routes[0];

describe('the routes table', () => {
  it('shows each route with its services and their shares', () => {
    render(<Inspector />);
    expect(screen.getByLabelText('path prefix of route 1')).toHaveValue('/orders');
    expect(screen.getByRole('slider', { name: 'share of /orders sent to legacy' })).toHaveValue('100');
    expect(screen.getByRole('slider', { name: 'share of /orders sent to orders' })).toHaveValue('0');
    expect(screen.getByLabelText('service 1 of /catalog')).toHaveValue('legacy');
  });

  it('moves traffic with a slider: the others get the rest, applied live as one undoable edit', () => {
    render(<Inspector />);
    const toOrders = screen.getByRole('slider', { name: 'share of /orders sent to orders' });
    fireEvent.change(toOrders, { target: { value: '25' } });
    // While the slider is held, the table shows the new split; nothing is committed yet.
    expect(screen.getByRole('slider', { name: 'share of /orders sent to legacy' })).toHaveValue('75');
    expect(screen.getAllByText('25 %')).toHaveLength(1);
    expect(orders().to).toEqual([{ service: 'legacy', weight: 100 }, { service: 'orders', weight: 0 }]);
    fireEvent.pointerUp(toOrders);
    expect(orders().to).toEqual([{ service: 'legacy', weight: 75 }, { service: 'orders', weight: 25 }]);
    const change = sent.find((m) => m.type === 'change');
    expect(change).toMatchObject({ type: 'change', change: { type: 'setRoutes', node: 'gateway' } });
    expect(sent.some((m) => m.type === 'load')).toBe(false);
    act(() => undo());
    expect(orders().to).toEqual([{ service: 'legacy', weight: 100 }, { service: 'orders', weight: 0 }]);
  });

  it('checks a prefix as it is typed and keeps the last valid routes', async () => {
    render(<Inspector />);
    const prefix = screen.getByLabelText('path prefix of route 1');
    await userEvent.clear(prefix);
    await userEvent.type(prefix, 'orders');
    expect(screen.getByRole('alert')).toHaveTextContent('prefix must start with "/"');
    await userEvent.tab();
    expect(orders().prefix).toBe('/orders');
  });

  it('splits a plain route and removes a service from a split', async () => {
    render(<Inspector />);
    await userEvent.click(screen.getByRole('button', { name: 'Split /catalog with orders' }));
    const catalog = (useStore.getState().scenario.nodes.find((n) => n.id === 'gateway') as { routes: { to: unknown }[] }).routes[1];
    expect(catalog.to).toEqual([{ service: 'legacy', weight: 100 }, { service: 'orders', weight: 0 }]);
    await userEvent.click(screen.getByRole('button', { name: 'Stop sending /orders to legacy' }));
    expect(orders().to).toBe('orders');
  });
});
