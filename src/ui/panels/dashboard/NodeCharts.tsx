import { memo, useRef } from 'react';
import { Legend, Line, LineChart, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import { CHART_HEIGHT, MARGIN, PALETTE, timeAxis, useAxisWidth, VALUE_AXIS } from './chartBits';
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
  const second = secondChart(id, w.nodes[id]);
  const reps = seriesRows(w, 'nodes', second.lines.map((l) => ({ id, ...l })));
  const empty = w.tMs.length === 0 ? 'No data yet.' : undefined;
  return (
    <div ref={ref} className="mc-dashboard__group">
      <FollowCaption node={node} />
      <ChartFrame title={`${id}: utilization and queue`} summary={`Utilization percentage and queue length of ${id}`} empty={empty}>
        <LineChart responsive style={{ width: '100%', height: CHART_HEIGHT }} data={load} margin={MARGIN}>
          {timeAxis(domain)}
          {mark({ yAxisId: 'l' })}
          <YAxis yAxisId="l" domain={[0, 100]} unit="%" {...VALUE_AXIS} width={axis.left} />
          <YAxis yAxisId="r" orientation="right" {...VALUE_AXIS} width={axis.right} allowDecimals={false} />
          <Line yAxisId="l" dataKey="utilization %" stroke={PALETTE[0]} dot={false} isAnimationActive={false} strokeWidth={1.8} />
          <Line yAxisId="r" dataKey="queue" stroke={PALETTE[2]} strokeDasharray="5 3" dot={false} isAnimationActive={false} strokeWidth={1.6} />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 'var(--chart-font)' }} />
        </LineChart>
      </ChartFrame>
      <ChartFrame title={`${id}: ${second.title}`} summary={second.summary} empty={empty}>
        <LineChart responsive style={{ width: '100%', height: CHART_HEIGHT - 20 }} data={reps} margin={MARGIN}>
          {timeAxis(domain)}
          {mark()}
          <YAxis allowDecimals={false} domain={second.percent ? [0, 100] : undefined} unit={second.percent ? '%' : undefined} {...VALUE_AXIS} width={axis.left} />
          {second.lines.map((l, k) => (
            <Line key={l.name} type="stepAfter" dataKey={l.name} stroke={PALETTE[k === 0 ? 1 : 3]} strokeDasharray={k === 0 ? undefined : '4 3'} dot={false} isAnimationActive={false} strokeWidth={1.8} />
          ))}
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 'var(--chart-font)' }} />
        </LineChart>
      </ChartFrame>
    </div>
  );
});

/**
 * The node's second chart, by the series it has: a cache's hit ratio, a function's running
 * invocations and warm environments (it has no replicas), else replicas and ready ones.
 */
function secondChart(id: string, channels: Record<string, unknown> | undefined) {
  if (channels?.hitRatio) {
    return { title: 'hit ratio', summary: `Share of lookups that hit in ${id}, per second`, percent: true, lines: [{ channel: 'hitRatio', name: 'hit ratio %', scale: 100 }] };
  }
  if (channels?.warmEnvironments) {
    return {
      title: 'environments', summary: `Invocations running and warm execution environments of ${id}`, percent: false,
      lines: [{ channel: 'concurrentExecutions', name: 'running' }, { channel: 'warmEnvironments', name: 'warm' }],
    };
  }
  return { title: 'replicas', summary: `Replicas and ready replicas of ${id}`, percent: false, lines: [{ channel: 'replicas', name: 'replicas' }, { channel: 'readyReplicas', name: 'ready' }] };
}
