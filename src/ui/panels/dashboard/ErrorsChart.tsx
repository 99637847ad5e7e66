import { memo, useRef } from 'react';
import { Area, AreaChart, Legend, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import { CHART_HEIGHT, MARGIN, timeAxis, useAxisWidth, VALUE_AXIS } from './chartBits';
import { causeRows } from './seriesData';
import { useShownSeries } from './useShownSeries';
import { useChartMark } from './useChartMark';

/** A colour and a fill pattern per cause, so stacked bands differ in more than hue. */
const CAUSE_STYLE: Record<string, { color: string; pattern: string }> = {
  error: { color: 'var(--bad)', pattern: '' },
  timeout: { color: 'var(--warn)', pattern: '5 2' },
  rejected: { color: 'var(--c4)', pattern: '2 2' },
  'rate-limited': { color: 'var(--c5)', pattern: '8 2 2 2' },
  crashed: { color: 'var(--c6)', pattern: '1 2' },
  'short-circuited': { color: 'var(--c2)', pattern: '6 4' },
  'not-found': { color: 'var(--muted)', pattern: '3 3' },
};

export const ErrorsChart = memo(function ErrorsChart() {
  const ref = useRef<HTMLDivElement>(null);
  const { w, domain } = useShownSeries(ref);
  const axis = useAxisWidth();
  const { rows, causes } = causeRows(w);
  const mark = useChartMark();
  return (
    <div ref={ref} className="mc-dashboard__group">
      <ChartFrame title="Failures by cause (per s)" summary={causes.length ? `Failures per second by cause: ${causes.join(', ')}` : 'No failures so far'}
        empty={rows.length === 0 ? 'No data yet.' : undefined}>
        <AreaChart responsive style={{ width: '100%', height: CHART_HEIGHT }} data={rows} margin={MARGIN}>
          {timeAxis(domain)}
          {mark()}
          <YAxis {...VALUE_AXIS} width={axis.left} allowDecimals={false} />
          {causes.map((c) => {
            const st = CAUSE_STYLE[c] ?? { color: 'var(--c7)', pattern: '' };
            return <Area key={c} dataKey={c} stackId="1" type="stepAfter" stroke={st.color} strokeDasharray={st.pattern} fill={st.color} fillOpacity={0.35} isAnimationActive={false} />;
          })}
          {causes.length > 0 && <Legend wrapperStyle={{ fontSize: 'var(--chart-font)' }} />}
        </AreaChart>
        {causes.length === 0 && rows.length > 0 && <p className="mc-chart__ok">No failures in this window.</p>}
      </ChartFrame>
    </div>
  );
});
