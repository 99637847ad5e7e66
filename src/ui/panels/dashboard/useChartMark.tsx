import type { ReactElement } from 'react';
import { ReferenceLine } from 'recharts';
import { useStore } from '../../../store';
import { selectChartMark } from '../../../store/lessonSelectors';

/**
 * The moment a lesson's goal broke, as a vertical line on a chart: a function that draws it
 * (on the chart's y axis `yAxisId`, when it has several; with the words only where asked, so
 * the dashboard says it once), or nothing when no goal is being shown. A chart puts what it
 * returns among its children.
 */
export function useChartMark(): (opts?: { yAxisId?: string; label?: boolean; domain?: [number, number] }) => ReactElement | null {
  const mark = useStore(selectChartMark);
  return ({ yAxisId, label = false, domain } = {}) => {
    if (!mark) return null;
    const x = mark.atMs / 1000;
    // The words go on the side of the line with more room, so they are not cut at the edge.
    const rightHalf = domain ? x > (domain[0] + domain[1]) / 2 : false;
    return (
      <ReferenceLine x={x} yAxisId={yAxisId} stroke="var(--bad)" strokeWidth={2} strokeDasharray="5 3" ifOverflow="extendDomain" className="mc-chart-mark"
        label={label ? { value: mark.label, position: rightHalf ? 'insideTopRight' : 'insideTopLeft', fontSize: 11, fill: 'var(--bad)' } : undefined} />
    );
  };
}
