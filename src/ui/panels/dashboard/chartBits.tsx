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

/** Shared axes, grid and tooltip; the x domain follows the clock over the window. */
export function timeAxis(domain: [number, number]) {
  return [
    <CartesianGrid key="g" strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />,
    <XAxis key="x" dataKey="t" type="number" domain={domain} allowDataOverflow tickFormatter={fmtAxisTime} tick={{ fontSize: 'var(--chart-font)' }} stroke="var(--muted)" minTickGap={30} />,
    <Tooltip key="tt" labelFormatter={(v) => `t = ${fmtAxisTime(Number(v))}`} isAnimationActive={false}
      contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)', fontSize: 'var(--chart-font)' }} />,
  ];
}
