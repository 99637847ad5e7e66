import { BreakerTimeline } from './BreakerTimeline';
import { ClientCharts } from './ClientCharts';
import { CostLine } from './CostLine';
import { ErrorsChart } from './ErrorsChart';
import { NodeCharts } from './NodeCharts';

/**
 * The charts of the run. Each chart reads the series window itself (useShownSeries), so a
 * chart scrolled out of view does not redraw when the window moves on.
 */
export function Dashboard() {
  return (
    <div className="mc-dashboard" data-testid="dashboard">
      <ClientCharts />
      <ErrorsChart />
      <CostLine />
      <NodeCharts />
      <BreakerTimeline />
    </div>
  );
}
