import { lazy, Suspense } from 'react';
import { useShareDialog } from './shareDialogState';

const ShareDialog = lazy(() => import('./ShareDialog'));

/** The Share dialog loads the first time it opens. */
export function ShareDialogSlot() {
  const open = useShareDialog((s) => s.open);
  return open ? <Suspense fallback={null}><ShareDialog /></Suspense> : null;
}
