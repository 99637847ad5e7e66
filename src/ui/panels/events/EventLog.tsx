import { useStore } from '../../../store';
import { selectEvents } from '../../../store/selectors';
import { seekRun } from '../../../store/engineBridge';
import { select } from '../../../store/uiActions';
import { edgeTarget } from '../../common/edges';
import { fmtClock } from '../../common/format';

/** A mark per event kind, so the list scans without colour (glyphs every system font has). */
const KIND_MARK: Record<string, string> = {
  'fault-start': '▶', 'fault-end': '■', crash: '✖', restart: '↻', ready: '✔', breaker: '◐', autoscale: '▲', scale: '▲', resize: '▲',
  registered: '+', deregistered: '−', evicted: '−', 'health-check-failed': '✖', 'retry-budget': '↺', 'saga-stuck': '!', 'cache-refresh': '↻', sessions: '•', route: '⇄',
};

/**
 * Faults, crashes, breaker moves and scaling, newest first; a click selects the node and moves
 * the replay timeline to the first whole second that shows the event.
 */
export function EventLog() {
  const events = useStore(selectEvents);
  return (
    <div className="mc-events">
      {events.length === 0 ? (
        <p className="mc-muted">Nothing has happened yet. Play, then break something.</p>
      ) : (
        <ol className="mc-events__list" aria-label="Event log" reversed>
          {[...events].reverse().map((e, i) => {
            const node = e.node ?? (e.edge ? edgeTarget(e.edge) : undefined);
            return (
              <li key={`${e.atMs}-${events.length - i}`}>
                <button type="button" className="mc-events__item"
                  onClick={() => {
                    if (node) select(e.edge && !e.node ? { type: 'edge', id: e.edge } : { type: 'node', id: node });
                    seekRun(Math.ceil(e.atMs / 1000) * 1000);
                  }}>
                  <time className="mc-events__time">{fmtClock(e.atMs)}</time>
                  <span className={`mc-events__kind mc-events__kind--${e.kind}`}>{KIND_MARK[e.kind] ?? '•'} {e.kind}</span>
                  <span className="mc-events__msg">{e.message}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
