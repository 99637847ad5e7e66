/** Whether the Share dialog is open, and whether opening it put the link on the clipboard. */
import { create } from 'zustand';

interface ShareDialogState {
  open: boolean;
  copied: boolean;
}

export const useShareDialog = create<ShareDialogState>(() => ({ open: false, copied: false }));

export const openShare = (copied: boolean): void => useShareDialog.setState({ open: true, copied });
export const closeShare = (): void => useShareDialog.setState({ open: false });
