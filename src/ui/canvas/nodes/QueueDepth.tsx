import { memo } from 'react';
import type { NodeLive } from '../../../store/types';

/** Depth bar scale: the bar is full at this many waiting messages (log scale below it). */
const FULL_DEPTH = 10_000;

/** A queue's backlog as a bar that fills on a log scale, with the count written on it. */
export const QueueDepth = memo(function QueueDepth({ stats }: { stats: NodeLive | undefined }) {
  // The engine's queue kind reports its backlog in `extra.depth` when it has one.
  const extra = stats?.extra?.depth;
  const depth = typeof extra === 'number' ? extra : (stats?.queueLength ?? 0);
  const fill = depth <= 0 ? 0 : Math.min(1, Math.log10(depth + 1) / Math.log10(FULL_DEPTH + 1));
  return (
    <div className="mc-depth" role="meter" aria-label="queue depth" aria-valuemin={0} aria-valuemax={FULL_DEPTH} aria-valuenow={depth}>
      <span className="mc-depth__bar" style={{ width: `${fill * 100}%` }} />
      <span className="mc-depth__text">{Math.round(depth)} waiting</span>
    </div>
  );
});
