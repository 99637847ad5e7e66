import { useState, type ReactNode, type Ref } from 'react';
import { PictureIcon } from '../../common/icons';
import { runFileName } from '../../saveAs/fileNames';
import { savePng, SKIP_IN_PICTURE } from '../../saveAs/savePng';
import { showNotice } from '../../../store/uiActions';

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
        savePng(figure, name ?? runFileName(`chart ${title}`, 'png'))
          .catch((err: unknown) => showNotice({ tone: 'error', title: 'The chart was not saved', lines: [(err as Error)?.message ?? String(err)] }))
          .finally(() => setBusy(false));
      }}>
      <PictureIcon size={14} />
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
