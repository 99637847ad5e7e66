import { act, render, screen, within } from '@testing-library/react';
import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetStore } from '../../../../tests/ui/storeHarness';
import { useStore } from '../../../store';
import type { NodeLive } from '../../../store/types';
import type { FlowNode } from '../types';
import { KindNode } from './KindNode';

const live = (extra: Record<string, number>): NodeLive => ({
  arrivalsPerS: 10, throughputPerS: 10, errorRate: 0, ownErrorRate: 0, p99Ms: 5, utilization: 0.5, queueLength: 0,
  replicas: 1, readyReplicas: 1, workers: 2, instances: [{ state: 'ready', busy: 1, queued: 0, workers: 2 }], extra,
});

function show(id: string, kind: string, extra: Record<string, number>) {
  act(() => useStore.setState({ run: { ...useStore.getState().run, nodes: { [id]: live(extra) } } }));
  const props = { id, data: { kind, label: id }, selected: false } as unknown as NodeProps<FlowNode>;
  render(<ReactFlowProvider><KindNode {...props} /></ReactFlowProvider>);
}

beforeEach(resetStore);

describe('node badges show what the presets ask to watch', () => {
  it("a queue shows the messages it lost and those it delivered again", () => {
    show('redis-list', 'queue', { depth: 3, inFlight: 1, oldestAgeMs: 40, lost: 12, redelivered: 0 });
    expect(screen.getByTitle('lost: 12')).toHaveClass('mc-badge--bad');
    expect(screen.getByTitle('redelivered: 0')).toBeInTheDocument();
    expect(screen.getByText('3 waiting')).toBeInTheDocument();
  });

  it('an at-least-once queue shows redeliveries and dead letters as warnings, not harm', () => {
    show('sqs-queue', 'queue', { depth: 0, inFlight: 0, oldestAgeMs: 0, lost: 0, redelivered: 7, deadLettered: 2 });
    expect(screen.getByTitle('redelivered: 7')).toHaveClass('mc-badge--warn');
    expect(screen.getByTitle('dead-lettered: 2')).toHaveClass('mc-badge--warn');
    expect(screen.getByTitle('lost: 0')).not.toHaveClass('mc-badge--bad');
  });

  it("a topic shows each subscriber's backlog in a table", () => {
    show('order-placed', 'topic', { depth: 905, inFlight: 3, oldestAgeMs: 9000, lost: 0, redelivered: 0, 'depth:inventory': 2, 'oldestAgeMs:inventory': 12, 'depth:email': 900, 'oldestAgeMs:email': 9000 });
    const table = screen.getByRole('table', { name: 'Backlog per subscriber' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['→ inventory212.0 ms', '→ email9009.00 s']);
    // The keys that the table draws are not repeated as raw badges.
    expect(screen.queryByText('depth:email')).toBeNull();
  });

  it('a sticky service shows the sessions it lost; its cost stays on the dashboard', () => {
    show('cart-sticky', 'service', { costPerHour: 0.288, sessionsLost: 196 });
    expect(screen.getByTitle('sessions lost: 196')).toHaveClass('mc-badge--bad');
    expect(screen.queryByText(/costPerHour/)).toBeNull();
  });
});
