import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { FaultMenu } from './FaultMenu';

let sent: ReturnType<typeof fakeEngine>;
beforeEach(() => {
  resetStore();
  sent = fakeEngine();
});

describe('FaultMenu', () => {
  it('offers the fault kinds for a service and starts the one chosen', async () => {
    const onClose = vi.fn();
    render(<FaultMenu target={{ type: 'node', id: 'product', kind: 'service', x: 10, y: 10 }} onClose={onClose} />);
    const names = screen.getAllByRole('menuitem').map((b) => b.textContent);
    expect(names).toEqual(expect.arrayContaining(['Kill one instance', 'Kill the whole service', 'Add latency (+200 ms)', 'Fail 50% of requests', 'Slow down (×3 service time)']));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Kill one instance' }));
    expect(sent).toContainEqual({ type: 'startFault', fault: { kind: 'kill-instance', target: 'product' } });
    expect(onClose).toHaveBeenCalled();
  });

  it('offers network faults on a call', () => {
    render(<FaultMenu target={{ type: 'edge', id: 'order->payment', x: 0, y: 0 }} onClose={() => undefined} />);
    expect(screen.getByRole('menuitem', { name: 'Partition (cut this link)' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Kill one instance' })).toBeNull();
  });

  it('offers a spike on a client', async () => {
    render(<FaultMenu target={{ type: 'node', id: 'shoppers', kind: 'client', x: 0, y: 0 }} onClose={() => undefined} />);
    await userEvent.click(screen.getByRole('menuitem', { name: /Spike/ }));
    expect(sent).toContainEqual({ type: 'change', change: { type: 'spike', node: 'shoppers', multiplier: 5, durationMs: 30_000 } });
  });

  it('works from the keyboard: focus starts inside, arrows move, Escape closes', async () => {
    const onClose = vi.fn();
    render(<FaultMenu target={{ type: 'node', id: 'product', kind: 'service', x: 0, y: 0 }} onClose={onClose} />);
    const items = screen.getAllByRole('menuitem');
    expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('closes when focus moves on, and leaves focus where it went', async () => {
    const onClose = vi.fn();
    render(<><FaultMenu target={{ type: 'node', id: 'product', kind: 'service', x: 0, y: 0 }} onClose={onClose} /><button type="button">Next thing</button></>);
    expect(screen.getAllByRole('menuitem')[0]).toHaveFocus();
    await userEvent.tab();
    expect(onClose).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Next thing' })).toHaveFocus();
  });

  it('stays open while focus moves between its own items', async () => {
    const onClose = vi.fn();
    render(<FaultMenu target={{ type: 'node', id: 'product', kind: 'service', x: 0, y: 0 }} onClose={onClose} />);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{End}{Home}');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getAllByRole('menuitem')[0]).toHaveFocus();
  });

  it('closes the menu already open when another one opens', () => {
    const first = vi.fn();
    const { rerender } = render(<FaultMenu key="a" target={{ type: 'node', id: 'product', kind: 'service', x: 0, y: 0 }} onClose={first} />);
    const second = vi.fn();
    rerender(<>
      <FaultMenu key="a" target={{ type: 'node', id: 'product', kind: 'service', x: 0, y: 0 }} onClose={first} />
      <FaultMenu key="b" target={{ type: 'edge', id: 'order->payment', x: 50, y: 50 }} onClose={second} />
    </>);
    expect(first).toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    expect(screen.getByRole('menu', { name: 'Chaos for order->payment' }).contains(document.activeElement)).toBe(true);
  });
});
