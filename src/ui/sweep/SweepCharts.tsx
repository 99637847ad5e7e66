import { Area, CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../panels/dashboard/ChartFrame';
import { DASHES, PALETTE } from '../panels/dashboard/chartBits';
import { scenarioFileName } from '../saveAs/fileNames';
import { fmtDollars, fmtMs, fmtPct, type SweepPicture } from './sweepSeries';

const HEIGHT = 150;
const MARGIN = { top: 18, right: 14, bottom: 14, left: 6 };
/** Wide enough for "$0.750" and "3000" beside the axis's own label. */
const Y_WIDTH = 66;
const TICK = { fontSize: 'var(--chart-font)' };
const TOOLTIP = { background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)', fontSize: 'var(--chart-font)' };

/** Ticks at the values swept when they are few enough to read, else recharts' own. */
function xAxis(label: string, domain: [number, number], xs: number[]) {
  return [
    <CartesianGrid key="g" strokeDasharray="3 3" stroke="var(--grid)" />,
    <XAxis key="x" dataKey="x" type="number" domain={domain} tick={TICK} stroke="var(--muted)" allowDecimals ticks={xs.length <= 9 ? xs : undefined}
      label={{ value: label, position: 'insideBottom', offset: -8, fontSize: 'var(--chart-font)', fill: 'var(--muted)' }} />,
  ];
}

const yLabel = (value: string) => ({ value, angle: -90, position: 'insideLeft' as const, offset: 2, fontSize: 'var(--chart-font)', fill: 'var(--muted)', style: { textAnchor: 'middle' as const } });

/** The spread over the seeds, lowest to highest, shaded behind a line (nothing with one seed). */
const spread = (dataKey: string, color: string, on: boolean) =>
  on && <Area key={dataKey} dataKey={dataKey} stroke="none" fill={color} fillOpacity={0.15} isAnimationActive={false} legendType="none" tooltipType="none" connectNulls />;

/**
 * p99, error rate and cost against the swept value, the knee marked on the p99 chart; over
 * several seeds each line is the mean, shaded from the lowest seed's figure to the highest's.
 */
export function SweepCharts({ picture, axisLabel, fileLabel, seeds }: { picture: SweepPicture; axisLabel: string; fileLabel: string; seeds: number }) {
  const { points, clients, knee } = picture;
  const bands = seeds > 1;
  const shaded = bands ? ' Shaded: from the lowest to the highest over the seeds.' : '';
  const xs = points.map((p) => p.x);
  const domain: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const k = knee === null ? null : points[knee];
  const many = clients.length > 1;
  return (
    <div className="mc-sweep__charts">
      <ChartFrame title="p99 latency (ms)" exportName={scenarioFileName(`${fileLabel} p99`, 'png')}
        summary={`p99 latency against ${axisLabel}${k ? `; the knee is at ${k.x}` : ''}.${shaded}`}>
        <ComposedChart responsive style={{ width: '100%', height: HEIGHT }} data={points} margin={MARGIN}>
          {xAxis(axisLabel, domain, xs)}
          <YAxis tick={TICK} stroke="var(--muted)" width={Y_WIDTH} label={yLabel('p99 (ms)')} tickFormatter={(v: number) => fmtMs(v)} />
          <Tooltip isAnimationActive={false} contentStyle={TOOLTIP} labelFormatter={(v) => `${axisLabel}: ${String(v)}`} formatter={(v) => `${fmtMs(Number(v))} ms`} />
          {clients.map((id, i) => spread(`p99band:${id}`, PALETTE[i % PALETTE.length], bands))}
          {clients.map((id, i) => (
            <Line key={id} dataKey={`p99:${id}`} name={many ? `${id} p99` : 'p99'} stroke={PALETTE[i % PALETTE.length]} strokeDasharray={DASHES[i % DASHES.length]} dot isAnimationActive={false} connectNulls />
          ))}
          {k && k.worstP99 !== null && <ReferenceLine x={k.x} stroke="var(--warn)" strokeDasharray="4 3" label={{ value: 'knee', position: 'top', fontSize: 'var(--chart-font)', fill: 'var(--warn)' }} />}
          {k && k.worstP99 !== null && <ReferenceDot x={k.x} y={k.worstP99} r={5} fill="var(--warn)" stroke="var(--panel)" />}
        </ComposedChart>
      </ChartFrame>
      <ChartFrame title="Error rate (%)" exportName={scenarioFileName(`${fileLabel} error rate`, 'png')} summary={`Error rate against ${axisLabel}.${shaded}`}>
        <ComposedChart responsive style={{ width: '100%', height: HEIGHT }} data={points} margin={MARGIN}>
          {xAxis(axisLabel, domain, xs)}
          <YAxis tick={TICK} stroke="var(--muted)" width={Y_WIDTH} label={yLabel('errors (%)')} tickFormatter={(v: number) => fmtPct(v)} domain={[0, 'auto']} />
          <Tooltip isAnimationActive={false} contentStyle={TOOLTIP} labelFormatter={(v) => `${axisLabel}: ${String(v)}`} formatter={(v) => fmtPct(Number(v))} />
          {spread('errorBand', 'var(--bad)', bands)}
          <Line dataKey="errorPct" name="error rate" stroke="var(--bad)" dot isAnimationActive={false} connectNulls />
        </ComposedChart>
      </ChartFrame>
      <ChartFrame title="Cost ($ per hour)" exportName={scenarioFileName(`${fileLabel} cost`, 'png')} summary={`What the services cost per hour, on average over the run, against ${axisLabel}.${shaded}`}>
        <ComposedChart responsive style={{ width: '100%', height: HEIGHT }} data={points} margin={MARGIN}>
          {xAxis(axisLabel, domain, xs)}
          <YAxis tick={TICK} stroke="var(--muted)" width={Y_WIDTH} label={yLabel('cost ($/h)')} tickFormatter={(v: number) => fmtDollars(v)} domain={[0, 'auto']} />
          <Tooltip isAnimationActive={false} contentStyle={TOOLTIP} labelFormatter={(v) => `${axisLabel}: ${String(v)}`} formatter={(v) => `${fmtDollars(Number(v))}/h`} />
          {spread('costBand', 'var(--c3)', bands)}
          <Line dataKey="costPerHour" name="cost" stroke="var(--c3)" dot isAnimationActive={false} connectNulls />
        </ComposedChart>
      </ChartFrame>
    </div>
  );
}
