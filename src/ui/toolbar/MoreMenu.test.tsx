import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { useStore } from '../../store';
import { MoreMenu, type Fold } from './MoreMenu';

beforeEach(() => {
  resetStore();
  fakeEngine();
});

const ALL = new Set<Fold>(['history', 'file', 'view']);

describe('the toolbar\'s More menu', () => {
  it('is a menu button: closed until pressed, then a menu of what folded into it', async () => {
    render(<MoreMenu folded={ALL} onImport={() => undefined} />);
    const more = screen.getByRole('button', { name: 'More' });
    expect(more).toHaveAttribute('aria-haspopup', 'menu');
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).toBeNull();
    await userEvent.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: 'More' });
    expect([...menu.querySelectorAll('[role^="menuitem"]')].map((i) => i.textContent)).toEqual(['Undo', 'Redo', 'New scenario', 'Share link', 'Import…', 'Export', 'Deploy files…', 'Dark theme', 'Present', 'Projector mode', 'Save canvas as PNG', 'Save per-second series as CSV', 'Save report as JSON']);
    expect(screen.getByRole('menuitemcheckbox', { name: 'Projector mode' })).toHaveAttribute('aria-checked', 'false');
    await userEvent.click(more);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(more).toHaveAttribute('aria-expanded', 'false');
  });

  it('offers only the groups that folded, and always saving the run as files', async () => {
    render(<MoreMenu folded={new Set<Fold>(['file'])} onImport={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'More' }));
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['New scenario', 'Share link', 'Import…', 'Export', 'Deploy files…', 'Save canvas as PNG', 'Save per-second series as CSV', 'Save report as JSON']);
  });

  it('with nothing folded, still offers saving the canvas, the series and the report', async () => {
    render(<MoreMenu folded={new Set<Fold>()} onImport={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'More' }));
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Save canvas as PNG', 'Save per-second series as CSV', 'Save report as JSON']);
  });

  it('works from the keyboard: arrow keys open it and move, Escape closes it and gives focus back', async () => {
    render(<MoreMenu folded={ALL} onImport={() => undefined} />);
    const more = screen.getByRole('button', { name: 'More' });
    more.focus();
    await userEvent.keyboard('{ArrowDown}');
    // Undo and Redo are disabled (nothing to undo), so the first item reached is New scenario.
    expect(screen.getByRole('menuitem', { name: 'New scenario' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Share link' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Save report as JSON' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(more).toHaveFocus();
    expect(more).toHaveAttribute('aria-expanded', 'false');
  });

  it('does what the folded buttons did, then closes', async () => {
    const onImport = vi.fn();
    render(<MoreMenu folded={ALL} onImport={onImport} />);
    await userEvent.click(screen.getByRole('button', { name: 'More' }));
    await userEvent.click(screen.getByRole('menuitemcheckbox', { name: 'Projector mode' }));
    expect(useStore.getState().ui.projector).toBe(true);
    expect(screen.queryByRole('menu')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'More' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Import…' }));
    expect(onImport).toHaveBeenCalled();
  });
});
