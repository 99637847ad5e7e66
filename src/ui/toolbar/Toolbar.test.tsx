import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { useStore } from '../../store';
import { addNode } from '../../store/scenarioActions';
import { useShortcuts } from '../commands/useShortcuts';
import { Toolbar } from './Toolbar';

function WithShortcuts() {
  useShortcuts();
  return <Toolbar />;
}

let sent: ReturnType<typeof fakeEngine>;
beforeEach(() => {
  resetStore();
  sent = fakeEngine();
});

describe('Toolbar', () => {
  it('has one Play/Pause button whose name says what it will do', async () => {
    render(<Toolbar />);
    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(sent.map((m) => m.type)).toEqual(['play', 'pause']);
  });

  it('toggles with Space when focus is not on a control', async () => {
    render(<WithShortcuts />);
    await userEvent.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await userEvent.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('steps, resets and sets the speed', async () => {
    render(<Toolbar />);
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(sent.at(-1)).toEqual({ type: 'step', ms: 1000 });
    await userEvent.click(screen.getByRole('button', { name: 'Speed 25 times' }));
    expect(screen.getByRole('button', { name: 'Speed 25 times' })).toHaveAttribute('aria-pressed', 'true');
    expect(sent.at(-1)).toEqual({ type: 'setSpeed', speed: 25 });
    await userEvent.click(screen.getByRole('button', { name: 'Speed: as fast as possible' }));
    expect(useStore.getState().run.speed).toBe('max');
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(sent.some((m) => m.type === 'load')).toBe(true);
  });

  it('shows the simulated clock from the latest snapshot', () => {
    render(<Toolbar />);
    act(() => useStore.setState({ run: { ...useStore.getState().run, simTimeMs: 83_400 } }));
    expect(screen.getByLabelText('Simulated time')).toHaveTextContent('1:23.4');
  });

  it('undoes and redoes an edit', async () => {
    render(<Toolbar />);
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toBeDisabled();
    const before = useStore.getState().scenario.nodes.length;
    act(() => void addNode('service', { x: 0, y: 0 }));
    expect(useStore.getState().scenario.nodes.length).toBe(before + 1);
    await userEvent.click(undo);
    expect(useStore.getState().scenario.nodes.length).toBe(before);
    await userEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(useStore.getState().scenario.nodes.length).toBe(before + 1);
  });

  it('refuses a bad import with the problem named, leaving the scenario as it was', async () => {
    render(<Toolbar />);
    const before = useStore.getState().scenario;
    const text = JSON.stringify({ version: 1, name: 'x', nodes: [{ id: 'a', kind: 'service', concurrency: 0 }] });
    const bad = new File([text], 'bad.json', { type: 'application/json' });
    // jsdom's File has no text(); browsers do.
    Object.defineProperty(bad, 'text', { value: async () => text });
    await userEvent.upload(screen.getByTestId('import-input'), bad);
    await vi.waitFor(() => expect(useStore.getState().ui.notice?.title).toMatch(/bad\.json was not loaded/));
    expect(useStore.getState().ui.notice?.lines.join('\n')).toMatch(/nodes\[0\]\.concurrency/);
    expect(useStore.getState().scenario).toBe(before);
  });

  it('every control has an accessible name', () => {
    render(<Toolbar />);
    for (const b of screen.getAllByRole('button')) expect(b).toHaveAccessibleName();
    for (const c of screen.getAllByRole('combobox')) expect(c).toHaveAccessibleName();
  });
});
