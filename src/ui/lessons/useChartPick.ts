import type { MouseHandlerDataParam } from 'recharts';
import { useStore } from '../../store';
import { setChartPick } from '../../store/lessonActions';
import { selectPicking } from '../../store/lessonSelectors';

export interface PickLine {
  /** The column of the chart rows. */
  name: string;
  /** The report series it draws, e.g. series.clients.buyers.latencyP99Ms. */
  series: string;
}

/**
 * While a lesson is being made, a click on a chart picks the moment under the pointer with
 * every line's value there, and the goal form turns it into "under this line" goal. Nothing
 * (no handler, no pointer change) otherwise.
 */
export function useChartPick(rows: readonly ({ t: number } & Record<string, number>)[], lines: readonly PickLine[]) {
  const picking = useStore(selectPicking);
  if (!picking) return {};
  const onClick = (state: MouseHandlerDataParam) => {
    const t = Number(state.activeLabel);
    const row = Number.isFinite(t) ? rows.find((r) => r.t === t) : rows[Number(state.activeIndex)];
    if (!row) return;
    const picked = lines.flatMap((l) => (typeof row[l.name] === 'number' ? [{ series: l.series, name: l.name, value: row[l.name] }] : []));
    if (picked.length > 0) setChartPick({ tMs: row.t * 1000, lines: picked });
  };
  return { onClick, style: { cursor: 'crosshair' } };
}
