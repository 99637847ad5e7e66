/**
 * The panels whose libraries are large (the dashboard's charts, the trace waterfall) load
 * after the canvas: the first screen needs only the editor and the engine. Each wrapper
 * keeps the name and props of the panel it stands for, so a call site changes one import.
 */
import { lazy, Suspense } from 'react';

const DashboardPanel = lazy(() => import('../panels/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const TraceViewPanel = lazy(() => import('../panels/traces/TraceView').then((m) => ({ default: m.TracePanel })));

function Loading({ what }: { what: string }) {
  return <p className="mc-muted" role="status">Loading {what}…</p>;
}

export function Dashboard() {
  return (
    <Suspense fallback={<div className="mc-dashboard"><Loading what="the charts" /></div>}>
      <DashboardPanel />
    </Suspense>
  );
}

export function TracePanel() {
  return (
    <Suspense fallback={<Loading what="the trace view" />}>
      <TraceViewPanel />
    </Suspense>
  );
}
