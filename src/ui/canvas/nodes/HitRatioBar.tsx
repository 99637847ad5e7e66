import type { NodeLive } from '../../../store/types';

/** A cache's gauge: a bar filled to its hit ratio over the last second. */
export function HitRatioBar({ stats }: { stats: NodeLive | undefined }) {
  const raw = stats?.extra?.hitRatio;
  const pct = Math.round((typeof raw === 'number' ? raw : 0) * 100);
  return (
    <div className="mc-depth mc-hits" role="meter" aria-label="hit ratio" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="cache-hit-ratio">
      <span className="mc-depth__bar mc-hits__bar" style={{ width: `${pct}%` }} />
      <span className="mc-depth__text">{pct}% hits</span>
    </div>
  );
}
