/**
 * The panels whose libraries are large (the dashboard's charts, the trace waterfall) load
 * after the canvas: the first screen needs only the editor and the engine. Each wrapper
 * keeps the name and props of the panel it stands for, so a call site changes one import.
 */
import { lazy, Suspense } from 'react';
import { useStore } from '../../store';
import { selectCourseOpen } from '../../store/lessonSelectors';

const DashboardPanel = lazy(() => import('../panels/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const CourseDialogPanel = lazy(() => import('../lessons/CourseDialog').then((m) => ({ default: m.CourseDialog })));
const ComparePanelChunk = lazy(() => import('../compare/ComparePanel').then((m) => ({ default: m.ComparePanel })));
const ReplayTimelinePanel = lazy(() => import('../panels/replay').then((m) => ({ default: m.Timeline })));
const TraceViewPanel = lazy(() => import('../panels/traces/TraceView').then((m) => ({ default: m.TracePanel })));
const SweepTabPanel = lazy(() => import('../sweep/SweepPanel').then((m) => ({ default: m.SweepPanel })));

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

/** The Sweep tab: its charts, worker and engine copy load when it is first opened. */
export function SweepPanel() {
  return (
    <Suspense fallback={<Loading what="the sweep" />}>
      <SweepTabPanel />
    </Suspense>
  );
}

/** The replay timeline under the charts; nothing shows until it has loaded. */
export function ReplayTimeline() {
  return (
    <Suspense fallback={null}>
      <ReplayTimelinePanel />
    </Suspense>
  );
}

/** The course (and every built-in lesson with it) loads the first time it is opened. */
export function CourseDialog() {
  const open = useStore(selectCourseOpen);
  if (!open) return null;
  return (
    <Suspense fallback={<Loading what="the course" />}>
      <CourseDialogPanel />
    </Suspense>
  );
}

/** Compare mode's panel (charts of A and B, the table of differences) loads when the mode is first used. */
export function ComparePanel() {
  return (
    <Suspense fallback={<div className="mc-dashboard"><Loading what="the comparison" /></div>}>
      <ComparePanelChunk />
    </Suspense>
  );
}
