import { ReactFlowProvider } from '@xyflow/react';
import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { useStore } from '../../store';
import { addNode } from '../../store/scenarioActions';
import { select } from '../../store/uiActions';
import { Canvas } from './Canvas';

beforeEach(() => {
  resetStore();
  fakeEngine();
});

const scenarioIds = () => useStore.getState().scenario.nodes.map((n) => n.id).sort();
const canvasIds = (c: HTMLElement) => [...c.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id')).sort();

async function deleteWithKey(id: string) {
  act(() => select({ type: 'node', id }));
  await userEvent.keyboard('{Delete}');
}

describe('deleting nodes on the canvas', () => {
  it('deletes every node, one by one; a node added next does not bring back a deleted one', async () => {
    const { container } = render(<ReactFlowProvider><div style={{ width: 800, height: 600 }}><Canvas /></div></ReactFlowProvider>);
    const ids = scenarioIds();
    expect(canvasIds(container)).toEqual(ids);
    for (const id of ids) {
      await deleteWithKey(id);
      // What the canvas shows is what the scenario holds, after every delete.
      expect(canvasIds(container)).toEqual(scenarioIds());
    }
    expect(scenarioIds()).toEqual([]);
    act(() => void addNode('service', { x: 0, y: 0 }));
    expect(scenarioIds()).toEqual(['service-1']);
    expect(canvasIds(container)).toEqual(['service-1']);
    act(() => void addNode('queue', { x: 50, y: 50 }));
    expect(canvasIds(container)).toEqual(['queue-1', 'service-1']);
  });
});
