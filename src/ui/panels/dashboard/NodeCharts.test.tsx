import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../../tests/ui/storeHarness';
import { useStore } from '../../../store';
import type { NodeLive } from '../../../store/types';
import { select } from '../../../store/uiActions';
import { CostLine } from './CostLine';
import { pickFollowed } from './followNode';
import { NodeCharts } from './NodeCharts';

const live = (p: Partial<NodeLive>): NodeLive => ({
  arrivalsPerS: 10, throughputPerS: 10, errorRate: 0, ownErrorRate: 0, p99Ms: 5, utilization: 0.2, queueLength: 0,
  replicas: 2, readyReplicas: 2, workers: 4, instances: [], ...p,
});

const snapshot = (nodes: Record<string, Partial<NodeLive>>) =>
  act(() => useStore.setState((s) => void (s.run.nodes = Object.fromEntries(Object.entries(nodes).map(([id, p]) => [id, live(p)])))));

beforeEach(() => {
  resetStore();
  fakeEngine();
});

const caption = () => screen.getByTestId('chart-follow');
const titles = () => screen.getAllByRole('figure').map((f) => f.querySelector('figcaption')?.textContent);

describe('the node charts', () => {
  it('before any numbers show the first node that serves requests, and say that they will follow', () => {
    render(<NodeCharts />);
    expect(caption()).toHaveTextContent('showing gateway');
    expect(caption()).toHaveTextContent('press Play: the charts follow the node in most trouble');
  });

  it('follow the node in most trouble and say why, until a node is selected', () => {
    render(<NodeCharts />);
    snapshot({ gateway: { utilization: 0.3 }, product: { utilization: 0.97 }, order: { utilization: 0.5 } });
    expect(caption()).toHaveTextContent('following product: 97% busy');
    expect(titles()[0]).toBe('product: utilization and queue');
    // A failing node is in more trouble than a busy one.
    snapshot({ gateway: { utilization: 0.3 }, product: { utilization: 0.97 }, payment: { utilization: 0.1, errorRate: 0.4 } });
    expect(caption()).toHaveTextContent('following payment: 40% errors');
    // The person's choice wins, and going back to nothing selected follows again.
    act(() => select({ type: 'node', id: 'order' }));
    expect(caption()).toHaveTextContent('selected: order');
    expect(titles()[0]).toBe('order: utilization and queue');
    act(() => select(null));
    expect(caption()).toHaveTextContent('following payment');
  });

  it('do not flick between two nodes about as busy as each other', () => {
    expect(pickFollowed({ a: live({ utilization: 0.9 }), b: live({ utilization: 0.95 }) }, 'a')).toBe('a');
    expect(pickFollowed({ a: live({ utilization: 0.8 }), b: live({ utilization: 0.95 }) }, 'a')).toBe('b');
    expect(pickFollowed({ a: live({ utilization: 0.9 }), b: live({ replicas: 2, readyReplicas: 0 }) }, 'a')).toBe('b');
    expect(pickFollowed({ a: live({ utilization: 0 }) }, null)).toBeNull();
  });
});

describe('the cost line', () => {
  it('adds up what the services cost per hour now', () => {
    render(<CostLine />);
    expect(screen.queryByTestId('cost-now')).toBeNull();
    snapshot({ search: { extra: { costPerHour: 0.288 } }, orders: { extra: { costPerHour: 0.096 } }, db: {} });
    expect(screen.getByTestId('cost-now')).toHaveTextContent('Cost now $0.384/h (search $0.288, orders $0.096)');
  });
});
