import { memo } from 'react';
import { Legend, Line, LineChart, YAxis } from 'recharts';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../../store';
import { selectSeries } from '../../../store/selectors';
import type { SeriesWindow } from '../../../worker/protocol';
import { ChartFrame } from './ChartFrame';
import { CHART_HEIGHT, DASHES, MARGIN, PALETTE, timeAxis } from './chartBits';
import { seriesRows } from './seriesData';

const PERCENTILES = [['latencyP50Ms', 'p50'], ['latencyP95Ms', 'p95'], ['latencyP99Ms', 'p99']] as const;

function latencyPicks(w: SeriesWindow, clients: string[]) {
  return clients.flatMap((id) => PERCENTILES.filter(([ch]) => w.clients[id]?.[ch]).map(([channel, p]) => ({ id, channel, name: clients.length > 1 ? `${id} ${p}` : p })));
}

export const ClientCharts = memo(function ClientCharts({ domain }: { domain: [number, number] }) {
  const w = useStore(selectSeries);
  const clients = useStore(useShallow((s) => s.scenario.nodes.filter((n) => n.kind === 'client').map((n) => n.id)));
  const lat = latencyPicks(w, clients);
  const latRows = seriesRows(w, 'clients', lat);
  const tput = clients.map((id) => ({ id, channel: 'throughput', name: `${id} rps` }));
  const err = clients.map((id) => ({ id, channel: 'errorRate', name: `${id} err %`, scale: 100 }));
  const tputRows = seriesRows(w, 'clients', [...tput, ...err]);
  const empty = w.tMs.length === 0 ? 'Press Play: numbers appear after the first simulated second.' : undefined;
  return (
    <>
      <ChartFrame title="Client latency (ms)" summary={`Latency percentiles per simulated second for ${clients.join(', ')}`} empty={empty}>
        <LineChart responsive style={{ width: '100%', height: CHART_HEIGHT }} data={latRows} margin={MARGIN}>
          {timeAxis(domain)}
          <YAxis tick={{ fontSize: 'var(--chart-font)' }} stroke="var(--muted)" width={48} />
          {lat.map((p, i) => <Line key={p.name} dataKey={p.name} stroke={PALETTE[(2 - (i % 3) + 3) % PALETTE.length]} strokeDasharray={DASHES[i % 3]} dot={false} isAnimationActive={false} strokeWidth={1.8} />)}
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 'var(--chart-font)' }} />
        </LineChart>
      </ChartFrame>
      <ChartFrame title="Throughput (answers/s) and errors (%)" summary="Answers per second and error percentage per client" empty={empty}>
        <LineChart responsive style={{ width: '100%', height: CHART_HEIGHT }} data={tputRows} margin={MARGIN}>
          {timeAxis(domain)}
          <YAxis yAxisId="l" tick={{ fontSize: 'var(--chart-font)' }} stroke="var(--muted)" width={48} />
          <YAxis yAxisId="r" orientation="right" tick={{ fontSize: 'var(--chart-font)' }} stroke="var(--muted)" width={36} unit="%" />
          {tput.map((p, i) => <Line key={p.name} yAxisId="l" dataKey={p.name} stroke={PALETTE[i % PALETTE.length]} dot={false} isAnimationActive={false} strokeWidth={1.8} />)}
          {err.map((p) => <Line key={p.name} yAxisId="r" dataKey={p.name} stroke="var(--bad)" strokeDasharray="4 3" dot={false} isAnimationActive={false} strokeWidth={1.6} />)}
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 'var(--chart-font)' }} />
        </LineChart>
      </ChartFrame>
    </>
  );
});
