import type { ComponentType } from 'react';
import { CHART_PANELS, type ChartPanel } from '../../engine/presentation/schema';
import { BreakerTimeline } from '../panels/dashboard/BreakerTimeline';
import { ClientCharts } from '../panels/dashboard/ClientCharts';
import { CostLine } from '../panels/dashboard/CostLine';
import { ErrorsChart } from '../panels/dashboard/ErrorsChart';
import { NodeCharts } from '../panels/dashboard/NodeCharts';

const CHARTS: Record<ChartPanel, ComponentType> = {
  clients: ClientCharts,
  errors: ErrorsChart,
  cost: CostLine,
  node: NodeCharts,
  breakers: BreakerTimeline,
};

/** The dashboard's charts by name, in the dashboard's order, for presenter mode and embedded views. */
export function ChartPanels({ panels }: { panels: readonly ChartPanel[] }) {
  return (
    <div className="mc-dashboard mc-chart-panels" data-testid="chart-panels">
      {CHART_PANELS.filter((p) => panels.includes(p)).map((p) => {
        const Chart = CHARTS[p];
        return <Chart key={p} />;
      })}
    </div>
  );
}

export default ChartPanels;
