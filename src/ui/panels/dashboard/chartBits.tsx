import { CartesianGrid, Tooltip, XAxis } from 'recharts';
import { useStore } from '../../../store';
import { selectProjector } from '../../../store/selectors';
import { fmtAxisTime } from './seriesData';

export const CHART_HEIGHT = 104;
export const MARGIN = { top: 4, right: 8, bottom: 0, left: 0 };

/**
 * Widths of the y axes in pixels, wide enough for their longest tick ("12000" on the left,
 * "100%" on the right) at the chart type of the current mode (--chart-font: 11 px, 14 px in
 * projector mode), so no tick is cut at the chart's edge.
 */
const AXIS_WIDTH = { normal: { left: 46, right: 40 }, projector: { left: 56, right: 48 } };
export const useAxisWidth = () => AXIS_WIDTH[useStore(selectProjector) ? 'projector' : 'normal'];
/** Series colours come from CSS variables so the themes can tune them; lines also differ by dash. */
export const PALETTE = ['var(--c1)', 'var(--c2)', 'var(--c3)', 'var(--c4)', 'var(--c5)', 'var(--c6)', 'var(--c7)'];
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4'];

/**
 * Props every value axis shares. Constant objects, not literals, so a chart redrawn with new
 * data hands recharts the same props and it skips re-registering them; `interval={0}` shows
 * the ticks it is given without measuring each label in the DOM (a forced layout per label,
 * every redraw), and three ticks fit the charts' height.
 */
export const AXIS_TICK = { fontSize: 'var(--chart-font)' } as const;
export const VALUE_AXIS = { tick: AXIS_TICK, stroke: 'var(--muted)', interval: 0, tickCount: 3 } as const;
const TOOLTIP_STYLE = { background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)', fontSize: 'var(--chart-font)' } as const;
const tooltipLabel = (v: unknown) => `t = ${fmtAxisTime(Number(v))}`;

/** Steps of the time axis, in simulated seconds: the smallest that keeps it to five labels. */
const TIME_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400];

/** Round times in [lo, hi] for the time axis's labels, at most five (and at least two). */
export function timeTicks([lo, hi]: [number, number]): number[] {
  const span = Math.max(1, hi - lo);
  const step = TIME_STEPS.find((s) => span / s <= 5) ?? Math.ceil(span / 5);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  return ticks.length >= 2 ? ticks : [lo, hi];
}

/** Shared axes, grid and tooltip; the x domain follows the clock over the window. */
export function timeAxis(domain: [number, number]) {
  return [
    <CartesianGrid key="g" strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />,
    <XAxis key="x" dataKey="t" type="number" domain={domain} allowDataOverflow tickFormatter={fmtAxisTime} tick={AXIS_TICK} stroke="var(--muted)"
      ticks={timeTicks(domain)} interval={0} />,
    <Tooltip key="tt" labelFormatter={tooltipLabel} isAnimationActive={false} contentStyle={TOOLTIP_STYLE} />,
  ];
}
