/** Cuts the report's per-second series down to what the dashboard shows. */
import type { SeriesWindow } from './protocol';

type Channels = Record<string, unknown>;
interface SeriesLike {
  tMs: number[];
  clients?: Record<string, Channels>;
  nodes?: Record<string, Channels>;
  edges?: Record<string, Channels>;
}

/**
 * Every number[] channel from index `first` on; nested records become "outer.inner" channels.
 * With `first` 0 the arrays are shared, not copied: the worker cuts its series to the window
 * before it gets here, and posting clones them anyway.
 */
function cutChannels(channels: Channels, first: number, prefix = '', out: Record<string, number[]> = {}): Record<string, number[]> {
  for (const [name, v] of Object.entries(channels)) {
    if (Array.isArray(v)) out[prefix + name] = (first === 0 ? v : v.slice(first)) as number[];
    else if (v && typeof v === 'object') cutChannels(v as Channels, first, `${prefix}${name}.`, out);
  }
  return out;
}

export function seriesWindow(series: SeriesLike | undefined, nowMs: number, windowMs: number): SeriesWindow {
  if (!series || !Array.isArray(series.tMs)) return { tMs: [], clients: {}, nodes: {}, edges: {} };
  const from = nowMs - windowMs;
  let first = series.tMs.length;
  while (first > 0 && series.tMs[first - 1] >= from) first--;
  const cut = (rec: Record<string, Channels> | undefined) => {
    const out: Record<string, Record<string, number[]>> = {};
    for (const [id, channels] of Object.entries(rec ?? {})) out[id] = cutChannels(channels, first);
    return out;
  };
  return { tMs: first === 0 ? series.tMs : series.tMs.slice(first), clients: cut(series.clients), nodes: cut(series.nodes), edges: cut(series.edges) };
}
