/**
 * Saving what the page shows as files: the canvas as a PNG, the run's per-second series as
 * CSV, its report as JSON (what npm run sim --json prints). Loaded when first used.
 */
import { seriesCsv } from '../../report/seriesCsv';
import { requestReport } from '../../store/engineBridge';
import { showNotice } from '../../store/uiActions';
import { canvasShot } from '../canvas/canvasPicture';
import { download } from '../common/fileTransfer';
import { runFileName } from './fileNames';
import { savePng } from './savePng';
import type { RunFile } from './saveCommands';

async function report() {
  const r = await requestReport();
  if (!r) throw new Error('there is no run yet: open or draw a scenario first');
  return r;
}

export async function saveRunFile(what: RunFile): Promise<void> {
  switch (what) {
    case 'canvas': {
      const shot = canvasShot();
      if (!shot) throw new Error('the canvas is empty: there is nothing to picture');
      return savePng(shot.element, runFileName('canvas', 'png'), shot);
    }
    case 'series':
      return download(runFileName('per-second series', 'csv'), seriesCsv((await report()).series), 'text/csv');
    case 'report':
      return download(runFileName('report', 'json'), JSON.stringify(await report(), null, 2) + '\n');
  }
}

export function failed(what: string, e: unknown): void {
  showNotice({ tone: 'error', title: `The ${what} was not saved`, lines: [(e as Error)?.message ?? String(e)] });
}
