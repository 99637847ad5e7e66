import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { backToLive, runHistory, seek, useReplay } from '../../../store/replay/replayController';
import { fmtClock } from '../../common/format';
import { MARK_GLYPH, MARK_WIDTH_PX, sideBySide, timelineMarks } from './timelineMarks';
import './timeline.css';

/** Where a moment of the run sits on the track, in %. */
const at = (tMs: number, endMs: number) => `${Math.min(100, (tMs / Math.max(endMs, 1)) * 100)}%`;

/** The moment an event's mark or line stands for: the first whole second that shows it. */
export const secondShowing = (atMs: number) => Math.ceil(atMs / 1000) * 1000;

/**
 * The replay timeline under the charts: a slider over the run so far (arrow keys step a
 * second) with marks where faults, breaker changes, scaling, crashes and saga failures
 * happened. Moving it back shows the run as it was; Play continues from there.
 */
export function Timeline() {
  const { viewingMs, headMs, rebuildingToMs, eventCount } = useReplay(useShallow((s) => s));
  const endS = Math.floor(headMs / 1000);
  const shownS = viewingMs === null ? endS : Math.floor(viewingMs / 1000);
  const endMs = endS * 1000;
  // The history's event list grows in place: its count says when the marks change.
  const marks = useMemo(() => timelineMarks(runHistory.allEvents().slice(0, eventCount), endMs), [eventCount, endMs]);
  const nudges = useMemo(() => sideBySide(marks, endMs), [marks, endMs]);
  const go = (s: number) => (s >= endS ? backToLive() : seek(s * 1000));
  return (
    <section className="mc-timeline" aria-label="Replay timeline" data-testid="timeline" data-replay={viewingMs === null ? 'live' : 'past'}>
      <div className="mc-timeline__status" role="status">
        {viewingMs !== null ? (
          <>
            <span><strong>Replaying {fmtClock(viewingMs)}</strong> — Play to continue from here</span>
            <button type="button" className="mc-btn mc-btn--small" onClick={backToLive}>Back to live</button>
          </>
        ) : rebuildingToMs !== null ? (
          <span>Re-running the run to {fmtClock(rebuildingToMs)}…</span>
        ) : null}
      </div>
      <div className="mc-timeline__track">
        <div className="mc-timeline__marks" role="group" aria-label="Moments on the timeline">
          {marks.map((m, i) => (
            <button key={`${m.sort}-${m.atMs}`} type="button" className={`mc-timeline__mark mc-timeline__mark--${m.sort}`}
              style={{ left: at(m.atMs, endMs), translate: `${nudges[i] * MARK_WIDTH_PX}px` }}
              aria-label={m.label} title={m.detail} onClick={() => go(secondShowing(m.atMs) / 1000)}>
              {MARK_GLYPH[m.sort]}
            </button>
          ))}
        </div>
        <input type="range" className="mc-timeline__slider" min={0} max={endS} step={1} value={shownS} disabled={endS === 0}
          aria-label="Run time" aria-valuetext={`${fmtClock(shownS * 1000)} of ${fmtClock(endMs)}${viewingMs === null ? ', live' : ''}`}
          onChange={(e) => go(Number(e.currentTarget.value))} />
        <div className="mc-timeline__ends" aria-hidden="true">
          <span>0:00</span>
          <span>{fmtClock(endMs)}</span>
        </div>
      </div>
    </section>
  );
}
