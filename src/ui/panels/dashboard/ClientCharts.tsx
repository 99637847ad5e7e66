import { memo, useRef } from 'react';
import { Legend, Line, LineChart, YAxis } from 'recharts';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../../store';
import { selectClientIds } from '../../../store/selectors';
import { ChartFrame } from './ChartFrame';
import { CHART_HEIGHT, DASHES, MARGIN, PALETTE, timeAxis, useAxisWidth, VALUE_AXIS } from './chartBits';
import { latencyLines, latencyRows } from './latencyLines';
import { seriesRows } from './seriesData';
import { useShownSeries } from './useShownSeries';
import { useChartMark } from './useChartMark';
import { useChartPick } from '../../lessons/useChartPick';

/** Error lines are all red (errors), so clients' error lines differ by dash. */
const ERR_DASHES = ['4 3', ...DASHES.slice(3)];

export const ClientCharts = memo(function ClientCharts() {
  const ref = useRef<HTMLDivElement>(null);
  const { w, domain } = useShownSeries(ref);
  const axis = useAxisWidth();
  const clients = useStore(useShallow(selectClientIds));
  const lat = latencyLines(w, clients);
  const latRows = latencyRows(w, lat);
  const tput = clients.map((id) => ({ id, channel: 'throughput', name: `${id} rps` }));
  const err = clients.map((id) => ({ id, channel: 'errorRate', name: `${id} err %`, scale: 100 }));
  const tputRows = seriesRows(w, 'clients', [...tput, ...err]);
  const mark = useChartMark();
  const pick = useChartPick(latRows, lat.map((l) => ({ name: l.name, series: `series.clients.${l.id}.${l.channel}` })));
  const empty = w.tMs.length === 0 ? 'Press Play: numbers appear after the first simulated second.' : undefined;
  return (
    <div ref={ref} className="mc-dashboard__group">
      <ChartFrame title="Client latency of successful requests (ms)" summary={`Latency p50, p95 and p99 of the successful requests per simulated second for ${clients.join(', ')}; no point in a second when none succeeded`} empty={empty}>
        <LineChart responsive style={{ width: '100%', height: CHART_HEIGHT, ...pick.style }} data={latRows} margin={MARGIN} onClick={pick.onClick}>
          {timeAxis(domain)}
          {mark({ label: true, domain })}
          <YAxis {...VALUE_AXIS} width={axis.left} />
          {lat.map((p) => <Line key={p.name} dataKey={p.name} stroke={p.color} strokeDasharray={p.dash} dot={false} isAnimationActive={false} strokeWidth={1.8} />)}
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 'var(--chart-font)' }} />
        </LineChart>
      </ChartFrame>
      <ChartFrame title="Throughput (answers/s) and errors (%)" summary="Answers per second and error percentage per client" empty={empty}>
        <LineChart responsive style={{ width: '100%', height: CHART_HEIGHT }} data={tputRows} margin={MARGIN}>
          {timeAxis(domain)}
          {mark({ yAxisId: 'l' })}
          <YAxis yAxisId="l" {...VALUE_AXIS} width={axis.left} />
          <YAxis yAxisId="r" orientation="right" {...VALUE_AXIS} width={axis.right} unit="%" />
          {tput.map((p, i) => <Line key={p.name} yAxisId="l" dataKey={p.name} stroke={PALETTE[i % PALETTE.length]} dot={false} isAnimationActive={false} strokeWidth={1.8} />)}
          {err.map((p, i) => <Line key={p.name} yAxisId="r" dataKey={p.name} stroke="var(--bad)" strokeDasharray={ERR_DASHES[i % ERR_DASHES.length]} dot={false} isAnimationActive={false} strokeWidth={1.6} />)}
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 'var(--chart-font)' }} />
        </LineChart>
      </ChartFrame>
    </div>
  );
});
