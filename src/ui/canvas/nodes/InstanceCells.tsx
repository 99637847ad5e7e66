import { memo } from 'react';
import type { NodeLive } from '../../../store/types';

const MAX_CELLS = 24;

/**
 * One small cell per instance: ready cells fill with their busy share, starting cells are
 * hatched, crashed cells are crossed out. Shape and pattern carry the state, colour repeats it.
 */
export const InstanceCells = memo(function InstanceCells({ stats }: { stats: NodeLive | undefined }) {
  if (!stats) return null;
  const shown = stats.instances.slice(0, MAX_CELLS);
  const counts = { ready: 0, starting: 0, crashed: 0, other: 0 };
  for (const i of stats.instances) {
    if (i.state === 'ready') counts.ready++;
    else if (i.state === 'starting') counts.starting++;
    else if (i.state === 'crashed') counts.crashed++;
    else counts.other++;
  }
  const summary = `${stats.instances.length} instances: ${counts.ready} ready, ${counts.starting} starting, ${counts.crashed} crashed`;
  return (
    <div className="mc-cells" role="img" aria-label={summary} title={summary}>
      {shown.map((inst, k) => {
        const busy = stats.workers > 0 ? Math.min(1, inst.busy / stats.workers) : 0;
        return (
          <span
            key={k}
            className={`mc-cell mc-cell--${inst.state}`}
            data-state={inst.state}
            style={inst.state === 'ready' ? { ['--busy' as string]: busy } : undefined}
          >
            {inst.state === 'crashed' ? '×' : null}
          </span>
        );
      })}
      {stats.instances.length > MAX_CELLS && <span className="mc-cells__more">+{stats.instances.length - MAX_CELLS}</span>}
    </div>
  );
});
