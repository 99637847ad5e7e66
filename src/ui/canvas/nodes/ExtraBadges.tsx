import { memo } from 'react';
import { fmtMs } from '../../common/format';

/** Words for the kind-specific live values the engine sends in `extra`. */
const NAMES: Record<string, string> = {
  depth: 'waiting', inFlight: 'in flight', oldestAgeMs: 'oldest', compensating: 'compensating', completed: 'done', compensated: 'undone', stuck: 'stuck',
  lost: 'lost', redelivered: 'redelivered', deadLettered: 'dead-lettered', sessionsLost: 'sessions lost',
  entries: 'entries', evictions: 'evicted', concurrency: 'running', warm: 'warm', coldStarts: 'cold starts', coldStartsPerS: 'cold/s', throttles: 'throttled',
};
/** Counts that mean harm done (a message or session gone, an order stuck) once above zero. */
const BAD = new Set(['stuck', 'lost', 'sessionsLost']);
/** Counts of work done twice or set aside: not harm, but worth a look. */
const WARN = new Set(['redelivered', 'deadLettered', 'throttles', 'coldStartsPerS']);
/**
 * Values drawn elsewhere: the cost (on the dashboard) and a topic's per-subscriber backlog
 * (keys with a colon, drawn by the topic node as a table).
 */
const hidden = (k: string) => k === 'costPerHour' || k.includes(':');

function tone(k: string, v: number | string): string {
  if (typeof v !== 'number' || v <= 0) return '';
  if (BAD.has(k)) return ' mc-badge--bad';
  return WARN.has(k) ? ' mc-badge--warn' : '';
}

/** Kind-specific numbers (queue depth, saga counts...), whatever the engine reports, as labelled text. */
export const ExtraBadges = memo(function ExtraBadges({ extra, skip }: { extra: Record<string, number | string> | undefined; skip?: readonly string[] }) {
  if (!extra) return null;
  const entries = Object.entries(extra).filter(([k]) => !skip?.includes(k) && !hidden(k));
  if (entries.length === 0) return null;
  return (
    <dl className="mc-badges">
      {entries.map(([k, v]) => {
        const text = typeof v === 'number' ? (k.endsWith('Ms') ? fmtMs(v) : String(Math.round(v * 100) / 100)) : v;
        const name = NAMES[k] ?? k;
        return (
          <div key={k} className={`mc-badge${tone(k, v)}`} title={`${name}: ${text}`}>
            <dt>{name}</dt>
            <dd>{text}</dd>
          </div>
        );
      })}
    </dl>
  );
});
