/**
 * Variant A's per-second series over the whole run, kept by the page so the replay timeline can
 * show A beside B at any moment of the past (B's own history is the replay's). The worker sends
 * A's latest window once a second; each window replaces what the kept series holds from its
 * first second on, so a run that starts over or forks from the past (a window that begins
 * earlier than the kept series ends) takes the kept series back with it.
 */
import type { SeriesWindow } from '../worker/protocol';

type Channels = Record<string, number[]>;

/** The kept series with `w` laid over its tail. Only the clients' channels are kept: the charts read no more. */
export function mergeTail(past: SeriesWindow | null, w: SeriesWindow): SeriesWindow {
  if (w.tMs.length === 0) return past ?? w;
  const first = w.tMs[0];
  const keep = past ? countBefore(past.tMs, first) : 0;
  const clients: Record<string, Channels> = {};
  for (const id of new Set([...Object.keys(past?.clients ?? {}), ...Object.keys(w.clients)])) {
    const old = past?.clients[id] ?? {};
    const now = w.clients[id] ?? {};
    const out: Channels = {};
    for (const ch of new Set([...Object.keys(old), ...Object.keys(now)])) {
      out[ch] = padded(old[ch], keep).concat(padded(now[ch], w.tMs.length));
    }
    clients[id] = out;
  }
  return { tMs: (past?.tMs.slice(0, keep) ?? []).concat(w.tMs), clients, nodes: {}, edges: {} };
}

/** The kept series' points in (tMs - spanMs, tMs]: the window a chart showed at that moment. */
export function windowAt(past: SeriesWindow | null, tMs: number, spanMs: number): SeriesWindow | null {
  if (!past) return null;
  const from = countBefore(past.tMs, tMs - spanMs + 1);
  const to = countBefore(past.tMs, tMs + 1);
  const clients: Record<string, Channels> = {};
  for (const [id, chs] of Object.entries(past.clients)) {
    clients[id] = Object.fromEntries(Object.entries(chs).map(([ch, v]) => [ch, v.slice(from, to)]));
  }
  return { tMs: past.tMs.slice(from, to), clients, nodes: {}, edges: {} };
}

/** How many of the sorted times are below t. */
function countBefore(times: readonly number[], t: number): number {
  let lo = 0, hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first n values, with NaN (no point) where the channel was missing or short. */
function padded(v: readonly number[] | undefined, n: number): number[] {
  const out = v ? v.slice(0, n) : [];
  while (out.length < n) out.push(NaN);
  return out;
}
