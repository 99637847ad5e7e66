import { ReactFlowProvider } from '@xyflow/react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { useStore } from '../../store';
import { loadPrefs } from '../../store/persistence';
import { Palette } from '../palette/Palette';
import { BottomPanel } from './BottomPanel';
import { SidePanel } from './SidePanel';

beforeEach(() => {
  localStorage.clear();
  resetStore();
  fakeEngine();
});

const renderPanels = () => render(<ReactFlowProvider><Palette /><SidePanel /><BottomPanel /></ReactFlowProvider>);

describe('folding panels', () => {
  it('folds the inspector and the dashboard into their headings, and back', async () => {
    renderPanels();
    const inspector = screen.getByRole('button', { name: 'Inspector' });
    const dashboard = screen.getByRole('button', { name: 'Dashboard' });
    expect(inspector).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('name', { exact: true })).toBeInTheDocument();
    // The dashboard's charts load on first use (a lazy chunk).
    expect(await screen.findByTestId('dashboard', {}, { timeout: 20_000 })).toBeInTheDocument();

    await userEvent.click(inspector);
    expect(inspector).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByLabelText('name', { exact: true })).toBeNull();
    expect(document.getElementById(inspector.getAttribute('aria-controls')!)).not.toBeVisible();
    // The heading still names the panel, so the folded strip can be found again.
    expect(screen.getByRole('heading', { name: 'Inspector' })).toBeInTheDocument();

    await userEvent.click(dashboard);
    expect(screen.queryByTestId('dashboard')).toBeNull();
    expect(screen.getByRole('complementary', { name: 'Inspector and dashboard' })).toHaveAttribute('data-fold', 'all');

    await userEvent.click(inspector);
    expect(inspector).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('name', { exact: true })).toBeInTheDocument();
  });

  it('folds the palette and the bottom panel; a tab unfolds the bottom panel again', async () => {
    renderPanels();
    await userEvent.click(screen.getByRole('button', { name: 'Palette' }));
    expect(screen.getByRole('button', { name: 'Palette' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Add Service' })).toBeNull();

    const bottom = screen.getByRole('button', { name: 'Load, events and traces' });
    await userEvent.click(bottom);
    expect(bottom).toHaveAttribute('aria-expanded', 'false');
    // The load sliders went with the panel; the run's timeline stays under the charts.
    expect(screen.queryAllByRole('slider').map((x) => x.getAttribute('aria-label'))).toEqual(['Run time']);
    await userEvent.click(screen.getByRole('tab', { name: /Events/ }));
    expect(bottom).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('tab', { name: /Events/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('remembers folded panels for the next visit and asks the canvas to fit again', async () => {
    renderPanels();
    const fits = useStore.getState().ui.fitRequest;
    await userEvent.click(screen.getByRole('button', { name: 'Dashboard' }));
    await userEvent.click(screen.getByRole('button', { name: 'Palette' }));
    expect(useStore.getState().ui.fitRequest).toBe(fits + 2);
    expect(loadPrefs().collapsed).toEqual({ dashboard: true, palette: true });
    await userEvent.click(screen.getByRole('button', { name: 'Palette' }));
    expect(loadPrefs().collapsed).toEqual({ dashboard: true });
  });
});
