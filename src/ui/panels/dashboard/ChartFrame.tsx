import type { ReactNode } from 'react';

/** A titled chart card; `summary` is the chart in one sentence for screen readers. */
export function ChartFrame({ title, summary, children, empty }: { title: string; summary: string; children: ReactNode; empty?: string }) {
  return (
    <figure className="mc-chart">
      <figcaption className="mc-chart__title">{title}</figcaption>
      <p className="sr-only">{summary}</p>
      {empty ? <p className="mc-chart__empty mc-muted">{empty}</p> : children}
    </figure>
  );
}
