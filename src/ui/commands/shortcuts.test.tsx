import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { useStore } from '../../store';
import { addNode } from '../../store/scenarioActions';
import { Toolbar } from '../toolbar/Toolbar';
import { useShortcuts } from './useShortcuts';

/** The page as the shortcuts meet it: a React Flow canvas (which listens for Space itself), the toolbar, a text field. */
function Page() {
  useShortcuts();
  return (
    <ReactFlowProvider>
      <Toolbar />
      <label>name <input aria-label="name" /></label>
      <button type="button">Add Service</button>
      <div style={{ width: 400, height: 300 }}>
        <ReactFlow nodes={[]} edges={[]} />
      </div>
    </ReactFlowProvider>
  );
}

const nodeCount = () => useStore.getState().scenario.nodes.length;
const status = () => useStore.getState().run.status;

beforeEach(() => {
  resetStore();
  fakeEngine();
});

describe('keyboard shortcuts', () => {
  it('Space plays and pauses with the canvas on the page (it listens for Space to pan)', async () => {
    render(<Page />);
    await userEvent.keyboard(' ');
    expect(status()).toBe('running');
    await userEvent.keyboard(' ');
    expect(status()).toBe('paused');
  });

  it('Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo while a button has focus', async () => {
    render(<Page />);
    const before = nodeCount();
    await userEvent.click(screen.getByRole('button', { name: 'Add Service' }));
    addNode('service', { x: 0, y: 0 });
    expect(nodeCount()).toBe(before + 1);
    expect(screen.getByRole('button', { name: 'Add Service' })).toHaveFocus();
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(nodeCount()).toBe(before);
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(nodeCount()).toBe(before + 1);
    await userEvent.keyboard('{Control>}z{/Control}');
    await userEvent.keyboard('{Control>}y{/Control}');
    expect(nodeCount()).toBe(before + 1);
  });

  it('a focused button keeps Space: it presses the button, not Play', async () => {
    render(<Page />);
    screen.getByRole('button', { name: 'Step' }).focus();
    await userEvent.keyboard(' ');
    expect(status()).not.toBe('running');
  });

  it('a text field keeps its keys: Space types a space and Ctrl+Z is its own undo, not the page\'s', async () => {
    render(<Page />);
    addNode('service', { x: 0, y: 0 });
    const before = nodeCount();
    const field = screen.getByRole('textbox', { name: 'name' });
    await userEvent.type(field, 'a b');
    expect(field).toHaveValue('a b');
    expect(status()).not.toBe('running');
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(nodeCount()).toBe(before);
  });
});
