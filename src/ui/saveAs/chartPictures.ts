/**
 * What the charts need to be saved as pictures, without importing the page's modules: the
 * charts load in chunks of their own, and a chunk that imported the page's save functions
 * would pull those out of the first load into chunks of their own (more to download before
 * the canvas shows). A chart asks the page by an event; saveCommands.ts answers it.
 */

/** Elements marked with this attribute (the button on a chart) stay out of a saved picture. */
export const SKIP_IN_PICTURE = 'data-picture-skip';

export const SAVE_CHART_EVENT = 'microcosm:save-chart';

export interface SaveChartRequest {
  figure: HTMLElement;
  title: string;
  /** A whole file name, when the chart has one of its own. */
  name?: string;
  /** Set by whoever saves it: settles when the file is saved (or the failure shown). */
  done?: Promise<void>;
}

/** Asks the page to save a chart's figure as a PNG; settles when it is saved. */
export function askToSaveChart(figure: HTMLElement, title: string, name?: string): Promise<void> {
  const request: SaveChartRequest = { figure, title, name };
  document.dispatchEvent(new CustomEvent<SaveChartRequest>(SAVE_CHART_EVENT, { detail: request }));
  return request.done ?? Promise.resolve();
}
