import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { undo, useStore } from '../../store';
import { startScenarioSync } from '../../store/scenarioSync';
import type { Scenario } from '../../store/types';
import { Inspector } from '../panels/inspector/Inspector';
import { Toolbar } from '../toolbar/Toolbar';
import { useShortcuts } from './useShortcuts';

function Page() {
  useShortcuts();
  return (
    <>
      <Toolbar />
      <label>notes <input aria-label="a text field" /></label>
      <Inspector />
    </>
  );
}

let sent: ReturnType<typeof fakeEngine>;
let stop: () => void;
beforeEach(() => {
  resetStore();
  sent = fakeEngine();
  stop = startScenarioSync();
});
afterEach(() => stop());

const loads = () => sent.filter((m) => m.type === 'load').map((m) => (m as { scenario: Scenario }).scenario);

describe('New', () => {
  it('empties the scenario and starts a fresh run; Undo brings the old one back', async () => {
    const before = useStore.getState().scenario;
    render(<Page />);
    await userEvent.click(screen.getByRole('button', { name: 'New scenario' }));
    const s = useStore.getState().scenario;
    expect(s.nodes).toEqual([]);
    expect(s.edges).toEqual([]);
    expect(s.name).toBe('New scenario');
    expect(loads().at(-1)).toBe(s);
    act(() => undo());
    expect(useStore.getState().scenario).toBe(before);
    // The worker follows: it runs the old scenario again.
    expect(loads().at(-1)).toBe(before);
  });
});

describe('Ctrl+A', () => {
  it('selects every node, and the inspector offers to delete them all', async () => {
    render(<Page />);
    await userEvent.keyboard('{Control>}a{/Control}');
    const all = useStore.getState().scenario.nodes.map((n) => n.id);
    expect(useStore.getState().selection).toEqual({ type: 'nodes', ids: all });
    await userEvent.click(screen.getByRole('button', { name: `Delete ${all.length} nodes` }));
    expect(useStore.getState().scenario.nodes).toEqual([]);
    act(() => undo());
    expect(useStore.getState().scenario.nodes.map((n) => n.id)).toEqual(all);
  });

  it('selects the text, not the nodes, while typing in a field', async () => {
    render(<Page />);
    await userEvent.click(screen.getByLabelText('a text field'));
    await userEvent.keyboard('{Control>}a{/Control}');
    expect(useStore.getState().selection).toBeNull();
  });
});
