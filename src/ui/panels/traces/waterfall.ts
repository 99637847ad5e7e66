/** Lays a trace's spans out as Jaeger does: depth-first from the root, with offsets in ms. */
import type { SpanView, TraceView } from '../../../worker/protocol';

export interface Row {
  span: SpanView;
  depth: number;
  offsetMs: number;
  durationMs: number | null;
  /** What to flag on the bar: a retry, a timeout, a short-circuit, a failure. */
  marks: string[];
}

export function waterfallRows(t: TraceView): Row[] {
  const children = new Map<string | null, SpanView[]>();
  for (const s of t.spans) {
    const k = s.parentSpanId && t.spans.some((x) => x.spanId === s.parentSpanId) ? s.parentSpanId : null;
    children.set(k, [...(children.get(k) ?? []), s]);
  }
  for (const list of children.values()) list.sort((a, b) => a.startMs - b.startMs);
  const rows: Row[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const s of children.get(parent) ?? []) {
      rows.push({ span: s, depth, offsetMs: s.startMs - t.startMs, durationMs: s.endMs === null ? null : s.endMs - s.startMs, marks: marksOf(s) });
      walk(s.spanId, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** The engine's own annotations when it wrote some, else the failure cause in a word. */
function marksOf(s: SpanView): string[] {
  const m: string[] = s.attempt > 1 ? [`retry ${s.attempt - 1}`] : [];
  if (s.annotations.length > 0) return [...m, ...s.annotations];
  if (s.cause === 'short-circuited') m.push('short-circuit');
  else if (s.status === 'error') m.push(s.cause ?? 'error');
  return m;
}

export type TracePick = 'slowest' | 'failed' | 'any';

export function pickTraces(traces: readonly TraceView[], pick: TracePick): TraceView[] {
  const done = traces.filter((t) => t.durationMs !== null);
  if (pick === 'failed') return done.filter((t) => t.status === 'error').sort((a, b) => b.startMs - a.startMs);
  if (pick === 'slowest') return [...done].sort((a, b) => (b.durationMs ?? 0) - (a.durationMs ?? 0));
  return [...done].sort((a, b) => b.startMs - a.startMs);
}
