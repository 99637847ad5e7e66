/**
 * Whether the deployment-files dialog is open, and on which target. A store of its own, so
 * the command list, the toolbar's menu and the dialog share it without a field in the page's
 * store.
 */
import { create } from 'zustand';
import type { ExportTarget } from '../../export/types';

interface ExportDialogState {
  target: ExportTarget | null;
}

export const useExportDialog = create<ExportDialogState>(() => ({ target: null }));

export const openExport = (target: ExportTarget = 'compose'): void => useExportDialog.setState({ target });
export const closeExport = (): void => useExportDialog.setState({ target: null });
