/** Presenter mode loads the first time it is entered: the editor's first load does not carry it. */
import { lazy, Suspense } from 'react';

const PresenterPanel = lazy(() => import('./PresenterView'));

export function Presenter() {
  return (
    <Suspense fallback={<p className="mc-muted" role="status">Loading presenter mode…</p>}>
      <PresenterPanel />
    </Suspense>
  );
}
