import { memo } from 'react';
import { fmtMs } from '../../common/format';
import type { ExtraLook } from './kindLooks';

/**
 * Values drawn elsewhere for every kind: the cost (on the dashboard) and a topic's
 * per-subscriber backlog (keys with a colon, drawn by the topic's own table).
 */
const elsewhere = (k: string) => k === 'costPerHour' || k.includes(':');

function tone(look: ExtraLook | undefined, v: number | string): string {
  if (typeof v !== 'number' || v <= 0 || !look?.tone) return '';
  return ` mc-badge--${look.tone}`;
}

/**
 * The values a kind reports in its live `extra` (a queue's lost messages, a saga's stuck
 * orders...), as labelled text in the words of the kind's look; a value the look does not
 * name is shown under its own key.
 */
export const ExtraBadges = memo(function ExtraBadges({ extra, looks }: { extra: Record<string, number | string> | undefined; looks: Readonly<Record<string, ExtraLook>> }) {
  if (!extra) return null;
  const entries = Object.entries(extra).filter(([k]) => !looks[k]?.hidden && !elsewhere(k));
  if (entries.length === 0) return null;
  return (
    <dl className="mc-badges">
      {entries.map(([k, v]) => {
        const text = typeof v === 'number' ? (k.endsWith('Ms') ? fmtMs(v) : String(Math.round(v * 100) / 100)) : v;
        const name = looks[k]?.word ?? k;
        return (
          <div key={k} className={`mc-badge${tone(looks[k], v)}`} title={`${name}: ${text}`}>
            <dt>{name}</dt>
            <dd>{text}</dd>
          </div>
        );
      })}
    </dl>
  );
});
