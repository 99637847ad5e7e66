/**
 * The marks on the replay timeline: faults, breaker changes, scaling, crashes and saga
 * failures from the run's event log. Events of one sort close together share one mark (a
 * long run would otherwise draw thousands), named for what it stands for.
 */
import type { LiveEvent } from '../../../worker/protocol';
import { fmtClock } from '../../common/format';

export type MarkSort = 'fault' | 'breaker' | 'scaling' | 'crash' | 'saga';

const SORT_OF: Record<string, MarkSort> = {
  'fault-start': 'fault', 'fault-end': 'fault', breaker: 'breaker', autoscale: 'scaling', scale: 'scaling', resize: 'scaling',
  crash: 'crash', 'saga-stuck': 'saga', 'saga-uncompensated': 'saga',
};

export const MARK_SORTS: readonly MarkSort[] = ['fault', 'breaker', 'scaling', 'crash', 'saga'];
const NAMES: Record<MarkSort, [string, string]> = {
  fault: ['Fault', 'faults'], breaker: ['Breaker change', 'breaker changes'], scaling: ['Scaling', 'scaling changes'],
  crash: ['Crash', 'crashes'], saga: ['Saga failure', 'saga failures'],
};
/** Glyphs every system font has, so the marks read without colour too. */
export const MARK_GLYPH: Record<MarkSort, string> = { fault: '⚡', breaker: '◐', scaling: '▲', crash: '✖', saga: '!' };

export interface TimelineMark {
  sort: MarkSort;
  /** The first event's time. */
  atMs: number;
  count: number;
  /** The accessible name: what, how many and when. */
  label: string;
  /** The first few messages, for the tooltip. */
  detail: string;
}

/** At most this many marks of a sort across the timeline's width. */
export const BUCKETS = 80;

export function timelineMarks(events: readonly LiveEvent[], endMs: number): TimelineMark[] {
  const span = Math.max(endMs, 1000);
  const marks = new Map<string, TimelineMark & { lines: string[] }>();
  for (const e of events) {
    const sort = SORT_OF[e.kind];
    if (!sort || e.atMs > endMs) continue;
    const key = `${sort}:${Math.min(BUCKETS - 1, Math.floor((e.atMs / span) * BUCKETS))}`;
    const m = marks.get(key);
    if (m) {
      m.count++;
      if (m.lines.length < 4) m.lines.push(`${fmtClock(e.atMs)} ${e.message}`);
    } else marks.set(key, { sort, atMs: e.atMs, count: 1, label: '', detail: '', lines: [`${fmtClock(e.atMs)} ${e.message}`] });
  }
  return [...marks.values()]
    .map(({ lines, ...m }) => ({
      ...m,
      label: m.count === 1 ? `${NAMES[m.sort][0]} at ${fmtClock(m.atMs)}: ${lines[0].slice(lines[0].indexOf(' ') + 1)}` : `${m.count} ${NAMES[m.sort][1]} from ${fmtClock(m.atMs)}`,
      detail: lines.join('\n') + (m.count > lines.length ? `\n… ${m.count - lines.length} more` : ''),
    }))
    .sort((a, b) => a.atMs - b.atMs || MARK_SORTS.indexOf(a.sort) - MARK_SORTS.indexOf(b.sort));
}

/** A mark's width on the track (timeline.css). */
export const MARK_WIDTH_PX = 14;

/**
 * How many mark widths each mark moves right so that marks of different sorts in the same
 * stretch of the track (a kill and the crash it causes) sit side by side instead of one
 * covering the other, each still clickable.
 */
export function sideBySide(marks: readonly TimelineMark[], endMs: number): number[] {
  const span = Math.max(endMs, 1000);
  const taken = new Map<number, number>();
  return marks.map((m) => {
    const bucket = Math.min(BUCKETS - 1, Math.floor((m.atMs / span) * BUCKETS));
    const k = taken.get(bucket) ?? 0;
    taken.set(bucket, k + 1);
    return k;
  });
}
