import { useState, type ReactNode, type Ref } from 'react';
import { askToSaveChart, SKIP_IN_PICTURE } from '../../saveAs/chartPictures';

/** A picture in a frame: save as a picture. */
const PictureIcon = () => (
  <svg width={14} height={14} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
    <g fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
      <rect x="3" y="5" width="18" height="14" rx="2" /><circle cx="9" cy="10" r="1.8" /><path d="m4 18 5.5-5 4 3.5 2.5-2 4 3.5" />
    </g>
  </svg>
);

/** The small button on a chart that saves it as a PNG (named after the chart unless told). */
function SavePicture({ title, name }: { title: string; name?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button type="button" className="mc-chart__save" {...{ [SKIP_IN_PICTURE]: '' }} disabled={busy}
      aria-label={`Save the chart "${title}" as a PNG picture`} title="Save this chart as a PNG picture"
      onClick={(e) => {
        const figure = e.currentTarget.closest('figure');
        if (!figure) return;
        setBusy(true);
        void askToSaveChart(figure, title, name).finally(() => setBusy(false));
      }}>
      <PictureIcon />
    </button>
  );
}

/**
 * A titled chart card; `summary` is the chart in one sentence for screen readers. Each has a
 * button that saves it as a picture, named `exportName` (a whole file name) or after its title.
 */
export function ChartFrame({ title, summary, children, empty, ref, exportName }: { title: string; summary: string; children: ReactNode; empty?: string; ref?: Ref<HTMLElement>; exportName?: string }) {
  return (
    <figure ref={ref} className="mc-chart">
      <figcaption className="mc-chart__title">{title}</figcaption>
      {!empty && <SavePicture title={title} name={exportName} />}
      <p className="sr-only">{summary}</p>
      {empty ? <p className="mc-chart__empty mc-muted">{empty}</p> : children}
    </figure>
  );
}
