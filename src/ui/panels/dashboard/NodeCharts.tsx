import { memo, useRef } from 'react';
import { Legend, Line, LineChart, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import { CHART_HEIGHT, MARGIN, PALETTE, timeAxis, useAxisWidth } from './chartBits';
import { FollowCaption } from './FollowCaption';
import { seriesRows } from './seriesData';
import { useChartNode } from './useChartNode';
import { useShownSeries } from './useShownSeries';
import { useChartMark } from './useChartMark';

/** The selected node's charts, or those of the node in most trouble (useChartNode), with a line saying which and why. */
export const NodeCharts = memo(function NodeCharts() {
  const node = useChartNode();
  const ref = useRef<HTMLDivElement>(null);
  const { w, domain } = useShownSeries(ref);
  const mark = useChartMark();
  const axis = useAxisWidth();
  if (!node) return null;
  const id = node.id;
  // Queues and topics report their backlog as `depth`; stations as `queueLength`.
  const backlog = w.nodes[id]?.depth ? 'depth' : 'queueLength';
  const load = seriesRows(w, 'nodes', [
    { id, channel: 'utilization', name: 'utilization %', scale: 100 },
    { id, channel: backlog, name: 'queue' },
  ]);
  const reps = seriesRows(w, 'nodes', [
    { id, channel: 'replicas', name: 'replicas' },
    { id, channel: 'readyReplicas', name: 'ready' },
  ]);
  const empty = w.tMs.length === 0 ? 'No data yet.' : undefined;
  return (
    <div ref={ref} className="mc-dashboard__group">
      <FollowCaption node={node} />
      <ChartFrame title={`${id}: utilization and queue`} summary={`Utilization percentage and queue length of ${id}`} empty={empty}>
        <LineChart responsive style={{ width: '100%', height: CHART_HEIGHT }} data={load} margin={MARGIN}>
          {timeAxis(domain)}
          {mark({ yAxisId: 'l' })}
          <YAxis yAxisId="l" domain={[0, 100]} unit="%" tick={{ fontSize: 'var(--chart-font)' }} stroke="var(--muted)" width={axis.left} />
          <YAxis yAxisId="r" orientation="right" tick={{ fontSize: 'var(--chart-font)' }} stroke="var(--muted)" width={axis.right} allowDecimals={false} />
          <Line yAxisId="l" dataKey="utilization %" stroke={PALETTE[0]} dot={false} isAnimationActive={false} strokeWidth={1.8} />
          <Line yAxisId="r" dataKey="queue" stroke={PALETTE[2]} strokeDasharray="5 3" dot={false} isAnimationActive={false} strokeWidth={1.6} />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 'var(--chart-font)' }} />
        </LineChart>
      </ChartFrame>
      <ChartFrame title={`${id}: replicas`} summary={`Replicas and ready replicas of ${id}`} empty={empty}>
        <LineChart responsive style={{ width: '100%', height: CHART_HEIGHT - 20 }} data={reps} margin={MARGIN}>
          {timeAxis(domain)}
          {mark()}
          <YAxis allowDecimals={false} tick={{ fontSize: 'var(--chart-font)' }} stroke="var(--muted)" width={axis.left} />
          <Line type="stepAfter" dataKey="replicas" stroke={PALETTE[1]} dot={false} isAnimationActive={false} strokeWidth={1.8} />
          <Line type="stepAfter" dataKey="ready" stroke={PALETTE[3]} strokeDasharray="4 3" dot={false} isAnimationActive={false} strokeWidth={1.8} />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 'var(--chart-font)' }} />
        </LineChart>
      </ChartFrame>
    </div>
  );
});
