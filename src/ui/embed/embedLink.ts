/**
 * The embedded view's address: `?embed=1` (with `&panels=` and `&autoplay=1`) and the
 * scenario in the hash, as a Share link carries it. Pure, so the Share dialog and the
 * embedded page read and write the same thing.
 */
import { CHART_PANELS, type ChartPanel } from '../../engine/presentation/schema';

export interface EmbedOptions {
  panels: ChartPanel[];
  autoplay: boolean;
}

const isPanel = (p: string): p is ChartPanel => (CHART_PANELS as readonly string[]).includes(p);

/** The options in a query string; unknown panel names are returned apart, to be named in a notice. */
export function embedOptions(search: string): EmbedOptions & { unknownPanels: string[] } {
  const q = new URLSearchParams(search);
  const asked = (q.get('panels') ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  return {
    panels: [...new Set(asked.filter(isPanel))],
    unknownPanels: asked.filter((p) => !isPanel(p)),
    autoplay: q.get('autoplay') === '1',
  };
}

/**
 * The embed link for a playground at `base` (its address, without query or hash). It names
 * embed.html itself, so the view loads straight away; `?embed=1` on the playground's own
 * address leads there too.
 */
export function embedUrl(base: string, hash: string, o: EmbedOptions): string {
  const q = new URLSearchParams();
  // In the dashboard's order, whatever order they were picked in: one link per choice.
  const panels = CHART_PANELS.filter((p) => o.panels.includes(p));
  if (panels.length > 0) q.set('panels', panels.join(','));
  if (o.autoplay) q.set('autoplay', '1');
  const query = q.toString().replace(/%2C/g, ',');
  return `${base}embed.html${query ? `?${query}` : ''}${hash}`;
}

export function iframeSnippet(url: string, title: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(url)}" title="${esc(title)}" width="960" height="540" style="border:0" loading="lazy"></iframe>`;
}

/** The playground's own address for a page (an embed is served from embed.html beside it). */
export function playgroundBase(href: string): string {
  const u = new URL(href);
  return `${u.origin}${u.pathname.replace(/(?:index|embed)\.html$/, '')}`;
}
