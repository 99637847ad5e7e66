import type { ReactNode, Ref } from 'react';

/** A titled chart card; `summary` is the chart in one sentence for screen readers. */
export function ChartFrame({ title, summary, children, empty, ref }: { title: string; summary: string; children: ReactNode; empty?: string; ref?: Ref<HTMLElement> }) {
  return (
    <figure ref={ref} className="mc-chart">
      <figcaption className="mc-chart__title">{title}</figcaption>
      <p className="sr-only">{summary}</p>
      {empty ? <p className="mc-chart__empty mc-muted">{empty}</p> : children}
    </figure>
  );
}
