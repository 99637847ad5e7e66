import { memo } from 'react';
import { fmtMs } from '../../common/format';

/** Words for the kind-specific live values the engine sends in `extra`. */
const NAMES: Record<string, string> = {
  depth: 'waiting', inFlight: 'in flight', oldestAgeMs: 'oldest', compensating: 'compensating', completed: 'done', compensated: 'undone', stuck: 'stuck',
};
const BAD = new Set(['stuck']);

/** Kind-specific numbers (queue depth, saga counts...), whatever the engine reports, as labelled text. */
export const ExtraBadges = memo(function ExtraBadges({ extra, skip }: { extra: Record<string, number | string> | undefined; skip?: readonly string[] }) {
  if (!extra) return null;
  const entries = Object.entries(extra).filter(([k]) => !skip?.includes(k));
  if (entries.length === 0) return null;
  return (
    <dl className="mc-badges">
      {entries.map(([k, v]) => {
        const text = typeof v === 'number' ? (k.endsWith('Ms') ? fmtMs(v) : String(Math.round(v * 100) / 100)) : v;
        const name = NAMES[k] ?? k;
        return (
          <div key={k} className={`mc-badge${BAD.has(k) && v ? ' mc-badge--bad' : ''}`} title={`${name}: ${text}`}>
            <dt>{name}</dt>
            <dd>{text}</dd>
          </div>
        );
      })}
    </dl>
  );
});
