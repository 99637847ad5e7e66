/**
 * Saving what the page shows as files: the canvas or a chart as a PNG, the run's per-second
 * series as CSV, its report as JSON (what npm run sim --json prints). The picture library and
 * the CSV writer load with the first file saved, not with the page.
 */
import { requestReport } from '../../store/engineBridge';
import { showNotice } from '../../store/uiActions';
import { canvasDrawing } from '../canvas/canvasPicture';
import { download, downloadBlob } from '../common/fileTransfer';
import { SAVE_CHART_EVENT, type SaveChartRequest } from './chartPictures';
import { runFileName } from './fileNames';

export type RunFile = 'canvas' | 'series' | 'report';

export const RUN_FILES: readonly { what: RunFile; label: string; noun: string }[] = [
  { what: 'canvas', label: 'Save canvas as PNG', noun: 'canvas picture' },
  { what: 'series', label: 'Save per-second series as CSV', noun: 'per-second series' },
  { what: 'report', label: 'Save report as JSON', noun: 'report' },
];

/** The largest side of a canvas picture in CSS pixels (twice that in the file's pixels), and the margin round the drawing. */
const MAX_SIDE = 2400;
const MARGIN = 48;

const failed = (noun: string) => (e: unknown) => showNotice({ tone: 'error', title: `The ${noun} was not saved`, lines: [(e as Error)?.message ?? String(e)] });

async function report() {
  const r = await requestReport();
  if (!r) throw new Error('there is no run yet: open or draw a scenario first');
  return r;
}

/** The whole drawing (not only the part in view) at its natural size, smaller when it is very large. */
async function canvasPng(): Promise<Blob> {
  const drawing = canvasDrawing();
  if (!drawing) throw new Error('the canvas is empty: there is nothing to picture');
  const { x, y, width: w, height: h } = drawing.bounds;
  const zoom = Math.min(1, MAX_SIDE / (Math.max(w, h) + 2 * MARGIN));
  const width = Math.round((w + 2 * MARGIN) * zoom), height = Math.round((h + 2 * MARGIN) * zoom);
  const { elementPng } = await import('./savePng');
  const transform = `translate(${(MARGIN - x) * zoom}px, ${(MARGIN - y) * zoom}px) scale(${zoom})`;
  return elementPng(drawing.element, { width, height, style: { width: `${width}px`, height: `${height}px`, transform } });
}

async function save(what: RunFile): Promise<void> {
  switch (what) {
    case 'canvas':
      return downloadBlob(runFileName('canvas', 'png'), await canvasPng());
    case 'series': {
      const [{ seriesCsv }, r] = await Promise.all([import('../../report/seriesCsv'), report()]);
      return download(runFileName('per-second series', 'csv'), seriesCsv(r.series), 'text/csv');
    }
    case 'report':
      return download(runFileName('report', 'json'), JSON.stringify(await report(), null, 2) + '\n');
  }
}

export function saveRunFile(what: RunFile): Promise<void> {
  return save(what).catch(failed(RUN_FILES.find((f) => f.what === what)?.noun ?? what));
}

// The charts' save buttons ask by an event (chartPictures.ts says why).
if (typeof document !== 'undefined') {
  document.addEventListener(SAVE_CHART_EVENT, (e) => {
    const r = (e as CustomEvent<SaveChartRequest>).detail;
    r.done = import('./savePng')
      .then(async ({ elementPng }) => downloadBlob(r.name ?? runFileName(`chart ${r.title}`, 'png'), await elementPng(r.figure)))
      .catch(failed('chart'));
  });
}
