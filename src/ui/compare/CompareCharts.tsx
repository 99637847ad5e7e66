/**
 * A and B on the same charts: per client, A a solid line and B a dashed one in the same
 * colour, each named in the legend and labelled "A" or "B" at its end, so they tell apart
 * without colour. Over several seeds each line is the mean, with its 95 % band shaded.
 */
import { memo, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { selectClientIds } from '../../store/selectors';
import type { AppState } from '../../store/types';
import { CHART_HEIGHT, PALETTE } from '../panels/dashboard/chartBits';
import { TimeLines, type TimeLine } from '../charts/TimeLines';
import { ChartFrame } from '../panels/dashboard/ChartFrame';
import { useInView } from '../panels/dashboard/useShownSeries';
import type { BandChannel } from '../../worker/seedRuns';
import { bandColumn, column, liveRows, seedRows, type CompareRow } from './compareRows';
import { useCompare } from '../../store/compareData';
import { useReplay } from '../../store/replay/replayController';
import { windowAt } from '../../compare/history';
import { SERIES_WINDOW_MS } from '../../worker/protocol';

export const B_DASH = '7 4';
const EMPTY: AppState['run']['series'] = { tMs: [], clients: {}, nodes: {}, edges: {} };

const CHARTS: { channel: BandChannel; title: string; unit: string; scale?: number }[] = [
  { channel: 'latencyP99Ms', title: 'p99 latency of successful requests (ms)', unit: 'ms' },
  { channel: 'errorRate', title: 'Error rate (%)', unit: '%', scale: 100 },
  { channel: 'throughput', title: 'Throughput (answers/s)', unit: 'answers/s' },
];

/**
 * B's window, read when A's arrives: the worker posts B's series and then A's in the same
 * breath, so the charts redraw once a second for both rather than twice.
 */
const bSeriesNow = () => useStore.getState().run.series;

interface Drawn {
  rows: CompareRow[];
  domain: [number, number];
}

function Chart({ data, clients, title, unit, bands }: { data: Drawn; clients: string[]; title: string; unit: string; bands: boolean }) {
  // A chart scrolled out of the panel's view keeps what it last drew, as the dashboard's do,
  // and catches up when scrolled back into view.
  const ref = useRef<HTMLDivElement>(null);
  const inView = useInView(ref);
  const [shown, setShown] = useState(data);
  if (inView && shown !== data) setShown(data);
  const lines = useMemo<TimeLine[]>(() => clients.flatMap((id, k) => (['A', 'B'] as const).map((v) => ({
    key: column(v, id), color: PALETTE[k % PALETTE.length], endLabel: v,
    dash: v === 'B' ? B_DASH : undefined, width: v === 'A' ? 2 : 2.2,
    band: bands ? bandColumn(v, id) : undefined, bandOpacity: v === 'A' ? 0.22 : 0.1,
  }))), [clients, bands]);
  return (
    <div ref={ref}>
      <ChartFrame title={title} summary={`${title} per simulated second: A solid, B dashed, for ${clients.join(', ')}${bands ? '; shaded bands are the 95 % interval over the seeds' : ''}`}>
        <TimeLines rows={shown.rows} domain={shown.domain} lines={lines} height={CHART_HEIGHT + 8} unit={unit} />
      </ChartFrame>
    </div>
  );
}

/** B's window while the page shows a moment of the past (the replay's), else null. */
const selectPastSeries = (viewing: boolean) => (s: AppState) => (viewing ? s.run.series : null);

export const CompareCharts = memo(function CompareCharts({ seeds }: { seeds: boolean }) {
  const clients = useStore(useShallow(selectClientIds));
  const viewingMs = useReplay((s) => s.viewingMs);
  const bPast = useStore(useMemo(() => selectPastSeries(viewingMs !== null), [viewingMs]));
  const aPast = useCompare((s) => (viewingMs !== null ? s.aPast : null));
  const aLive = useCompare((s) => s.aSeries);
  // A moment of the past: B's window as the replay has it, A's cut from its kept series there.
  const aSeries = viewingMs !== null ? windowAt(aPast, viewingMs, SERIES_WINDOW_MS) : aLive;
  const bSeries = bPast ?? (aSeries ? bSeriesNow() : EMPTY);
  const result = useCompare((s) => s.multi.result);
  const multi = seeds && result !== null;
  const t = bSeries.tMs;
  const charts = useMemo(() => {
    const domain: [number, number] = multi
      ? [0, result.durationMs / 1000]
      : [t.length ? t[0] / 1000 : 0, Math.max(30, t.length ? t[t.length - 1] / 1000 + 1 : 0)];
    return CHARTS.map((c) => ({
      domain,
      rows: multi ? seedRows(result.a, result.b, clients, c.channel, c.scale) : liveRows(aSeries, bSeries, clients, c.channel, c.scale),
    }));
  }, [multi, result, aSeries, bSeries, clients, t]);
  if (!multi && t.length === 0) return <p className="mc-muted">Press Play: A and B appear here after the first simulated second.</p>;
  return (
    <div className="mc-dashboard__group">
      {CHARTS.map((c, k) => <Chart key={c.channel} title={c.title} unit={c.unit} clients={clients} bands={multi} data={charts[k]} />)}
    </div>
  );
});
