import { useStore } from '../../../store';
import { SERIES_WINDOW_MS } from '../../../worker/protocol';
import { BreakerTimeline } from './BreakerTimeline';
import { ClientCharts } from './ClientCharts';
import { ErrorsChart } from './ErrorsChart';
import { NodeCharts } from './NodeCharts';

/** The x axis starts at this width and grows with the clock until it is the full window. */
const MIN_WINDOW_S = 30;

/**
 * The x window ends at the newest series point, not at the live clock: the domain (and so
 * every chart) changes when a series update arrives (once a wall second), not at each
 * 10 Hz snapshot, which matters at "as fast as possible" where the clock races.
 */
const selectWindowEnd = (s: { run: { series: { tMs: number[] } } }) => {
  const t = s.run.series.tMs;
  return Math.max(MIN_WINDOW_S, t.length > 0 ? Math.ceil(t[t.length - 1] / 1000) + 1 : 0);
};

export function Dashboard() {
  const end = useStore(selectWindowEnd);
  const domain: [number, number] = [Math.max(0, end - SERIES_WINDOW_MS / 1000), end];
  return (
    <div className="mc-dashboard" data-testid="dashboard">
      <ClientCharts domain={domain} />
      <ErrorsChart domain={domain} />
      <NodeCharts domain={domain} />
      <BreakerTimeline domain={domain} />
    </div>
  );
}
