import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEngine, resetStore } from '../../../tests/ui/storeHarness';
import { useStore } from '../../store';
import { command } from '../commands';
import { Toolbar } from '../toolbar/Toolbar';
import { closeExport } from './exportDialogState';

// The dialog loads lazily in the page; load it once up front so each test waits only for React.
beforeAll(async () => {
  await import('./ExportDialog');
}, 60_000);
beforeEach(() => {
  resetStore();
  fakeEngine();
});
afterEach(() => {
  act(() => closeExport());
  vi.restoreAllMocks();
});

const codeView = () => screen.getByRole('textbox', { name: /\(read-only\)$/ });

describe('Deploy menu and the deployment-files dialog', () => {
  it('opens from the toolbar on the chosen target, in a labelled modal dialog', async () => {
    render(<Toolbar />);
    const deploy = screen.getByRole('button', { name: 'Deploy' });
    expect(deploy).toHaveAttribute('aria-haspopup', 'menu');
    await userEvent.click(deploy);
    const menu = screen.getByRole('menu', { name: 'Export deployment files' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Docker Compose…', 'Kubernetes…', 'Istio…']);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Kubernetes…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Deployment files' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/written as a comment/);
    expect(screen.getByRole('tab', { name: 'Kubernetes' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Kubernetes' })).toHaveFocus();
    const text = (codeView() as HTMLTextAreaElement).value;
    expect(codeView()).toHaveAttribute('readonly');
    expect(codeView()).toHaveAccessibleName('kubernetes.yaml (read-only)');
    // The text is the scenario's: every node that runs has a Deployment or StatefulSet.
    const kinds = parseAllDocuments(text).map((d) => (d.toJS() as { kind: string }).kind);
    expect(kinds[0]).toBe('Namespace');
    const workloads = useStore.getState().scenario.nodes.filter((n) => n.kind === 'service');
    expect(kinds.filter((k) => k === 'Deployment').length).toBeGreaterThanOrEqual(workloads.length);
  }, 30_000);

  it('switches targets with the tabs (arrow keys too) and follows edits to the scenario', async () => {
    render(<Toolbar />);
    act(() => command('exportDeployment').perform());
    await screen.findByRole('dialog');
    expect(screen.getByRole('tab', { name: 'Docker Compose' })).toHaveAttribute('aria-selected', 'true');
    expect((codeView() as HTMLTextAreaElement).value).toMatch(/^# Docker Compose file for/);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Istio' })).toHaveAttribute('aria-selected', 'true');
    expect(codeView()).toHaveAccessibleName('istio.yaml (read-only)');
    await userEvent.click(screen.getByRole('tab', { name: 'Docker Compose' }));
    act(() => useStore.setState((s) => ({ scenario: { ...s.scenario, name: 'Renamed for export' } })));
    expect((codeView() as HTMLTextAreaElement).value).toContain('"Renamed for export"');
  });

  it('copies the text and downloads the file', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const created: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      created.push(this.download);
    });
    render(<Toolbar />);
    act(() => command('exportDeployment').perform());
    await screen.findByRole('dialog');
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith((codeView() as HTMLTextAreaElement).value);
    expect(within(screen.getByRole('dialog')).getByRole('status')).toHaveTextContent('Copied compose.yaml.');
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(created).toEqual(['compose.yaml']);
  });

  it('keeps focus inside, closes with Escape and gives focus back to the menu button', async () => {
    render(<Toolbar />);
    const deploy = screen.getByRole('button', { name: 'Deploy' });
    await userEvent.click(deploy);
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    for (let i = 0; i < 8; i++) {
      await userEvent.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(deploy).toHaveFocus();
  });

  it('says what to fix when the scenario cannot be exported', async () => {
    act(() => useStore.setState((s) => ({ scenario: { ...s.scenario, nodes: [...s.scenario.nodes, { ...s.scenario.nodes[0] }] } })));
    render(<Toolbar />);
    act(() => command('exportDeployment').perform());
    await screen.findByRole('dialog');
    expect(screen.getByRole('alert')).toHaveTextContent(/problems to fix/);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Download' })).toBeDisabled();
  });
});
