import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../../tests/ui/storeHarness';
import { useStore } from '../../../store';
import { startScenarioSync } from '../../../store/scenarioSync';
import { select } from '../../../store/uiActions';
import { Inspector } from './Inspector';

let sent: ReturnType<typeof fakeEngine>;
let stop: () => void;
beforeEach(() => {
  stop?.();
  resetStore();
  sent = fakeEngine();
  stop = startScenarioSync();
});

const product = () => useStore.getState().scenario.nodes.find((n) => n.id === 'product') as { instances: number };

describe('Inspector', () => {
  it('shows a field error at once and keeps the scenario as it was', async () => {
    act(() => select({ type: 'node', id: 'product' }));
    render(<Inspector />);
    const field = screen.getByLabelText('instances');
    await userEvent.clear(field);
    await userEvent.type(field, '-3');
    expect(screen.getByRole('alert')).toHaveTextContent('instances must be >= 0');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await userEvent.tab();
    expect(product().instances).toBe(3);
  });

  it('commits a valid edit and applies it to the running simulation', async () => {
    act(() => select({ type: 'node', id: 'product' }));
    render(<Inspector />);
    const field = screen.getByLabelText('instances');
    await userEvent.clear(field);
    await userEvent.type(field, '5');
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.tab();
    expect(product().instances).toBe(5);
    expect(sent).toContainEqual({ type: 'change', change: { type: 'setInstances', node: 'product', instances: 5 } });
  });

  it('resizes a service and turns its autoscaler on and off live, without a restart', async () => {
    act(() => select({ type: 'node', id: 'product' }));
    render(<Inspector />);
    await userEvent.selectOptions(screen.getByLabelText('size'), 'large');
    expect(sent).toContainEqual({ type: 'change', change: { type: 'setSize', node: 'product', size: 'large' } });
    await userEvent.click(screen.getByRole('checkbox', { name: 'autoscale' }));
    expect(sent).toContainEqual({ type: 'change', change: { type: 'setAutoscale', node: 'product', autoscale: expect.objectContaining({ minReplicas: 1, maxReplicas: 10 }) } });
    await userEvent.click(screen.getByRole('checkbox', { name: 'autoscale' }));
    expect(sent).toContainEqual({ type: 'change', change: { type: 'setAutoscale', node: 'product', autoscale: null } });
    expect(sent.some((m) => m.type === 'load')).toBe(false);
  });

  it('edits a call with the fields of the engine edge schema', async () => {
    act(() => select({ type: 'edge', id: 'order->payment' }));
    render(<Inspector />);
    const timeout = screen.getByLabelText('timeout (ms)');
    await userEvent.clear(timeout);
    await userEvent.type(timeout, '0');
    expect(screen.getByRole('alert')).toHaveTextContent('timeoutMs must be > 0');
    expect(screen.getByText('circuit breaker')).toBeInTheDocument();
  });

  it('warns about a circuit breaker on a call without a timeout, until the call has one', async () => {
    act(() => useStore.setState((st) => {
      const e = st.scenario.edges.find((x) => x.from === 'order' && x.to === 'payment')!;
      delete e.timeoutMs;
    }));
    act(() => select({ type: 'edge', id: 'order->payment' }));
    render(<Inspector />);
    const hint = screen.getByRole('status', { name: 'order->payment may not work as meant' });
    expect(hint).toHaveTextContent('Give this call a timeoutMs so a hung dependency counts as a failure and the breaker can open.');
    await userEvent.type(screen.getByLabelText('timeout (ms)'), '800');
    await userEvent.tab();
    expect(screen.queryByRole('status', { name: 'order->payment may not work as meant' })).toBeNull();
  });

  it('edits the scenario itself when nothing is selected', async () => {
    render(<Inspector />);
    const name = screen.getByLabelText('name');
    await userEvent.clear(name);
    expect(screen.getByRole('alert')).toHaveTextContent('name must not be empty');
    await userEvent.type(name, 'My shop');
    await userEvent.tab();
    expect(useStore.getState().scenario.name).toBe('My shop');
  });
});
