import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { useStore } from '../../store';
import { select } from '../../store/uiActions';
import { openScenario } from '../persistence/openScenario';
import { PRESETS } from '../persistence/presets';
import { Inspector } from '../panels/inspector/Inspector';
import { CellLegend } from './CellLegend';
import { StoryPanel } from './StoryPanel';

beforeEach(() => {
  localStorage.clear();
  resetStore();
  fakeEngine();
});

async function open(id: string) {
  const p = PRESETS.find((x) => x.id === id)!;
  await act(async () => void (await openScenario(await p.load(), id)));
}

function Page() {
  return (
    <ReactFlowProvider>
      <StoryPanel />
      <Inspector />
    </ReactFlowProvider>
  );
}

describe('the story panel', () => {
  it('keeps the open scenario\'s story and steps in view when a node is selected', async () => {
    await open('circuit-breaker');
    render(<Page />);
    const story = screen.getByRole('region', { name: 'Story' });
    expect(within(story).getByText(/Payments hangs/)).toBeVisible();
    const steps = within(story).getAllByRole('listitem');
    expect(steps.length).toBeGreaterThanOrEqual(3);
    act(() => select({ type: 'node', id: 'checkout' }));
    // The inspector now shows Checkout's settings; the story is still there.
    expect(screen.getByRole('heading', { name: 'Checkout' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Story' })).getByText(/Payments hangs/)).toBeVisible();
  });

  it('folds and stays folded on the next visit', async () => {
    await open('circuit-breaker');
    const first = render(<Page />);
    const toggle = screen.getByRole('button', { name: /Story/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(screen.getByRole('region', { name: 'Story' })).queryByText(/Payments hangs/)).not.toBeVisible();
    first.unmount();
    render(<Page />);
    expect(screen.getByRole('button', { name: /Story/ })).toHaveAttribute('aria-expanded', 'false');
  });

  it('follows the scenario: a new story when another preset opens, none for a scenario without one', async () => {
    await open('circuit-breaker');
    render(<Page />);
    await open('fallback');
    expect(screen.getByRole('button', { name: /Story/ })).toHaveTextContent(useStore.getState().scenario.name);
    act(() => useStore.setState((s) => void (s.scenario.description = undefined)));
    expect(screen.queryByRole('region', { name: 'Story' })).toBeNull();
  });
});

describe('the legend', () => {
  it('opens from a button on the canvas and names every instance state', async () => {
    render(<CellLegend />);
    const button = screen.getByRole('button', { name: /Legend/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Legend' })).toBeNull();
    await userEvent.click(button);
    const legend = screen.getByRole('region', { name: 'Legend' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    for (const word of ['idle', 'busy', 'booting', 'draining', 'crashed']) expect(within(legend).getByText(word)).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Legend' })).toBeNull();
    expect(button).toHaveFocus();
  });
});
