import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useStore } from '../../../store';
import { nodeStats } from '../../../store/selectors';
import { QueueIcon } from '../../common/icons';
import type { FlowNode } from '../types';
import { Badges } from './Badges';
import { ExtraBadges } from './ExtraBadges';
import { NodeShell } from './NodeShell';
import { nodeHealthWord } from './useNodeHealth';

/** Depth bar scale: the bar is full at this many waiting messages (log scale below it). */
const FULL_DEPTH = 10_000;

export const QueueNode = memo(function QueueNode({ id, data, selected }: NodeProps<FlowNode>) {
  const stats = useStore(nodeStats(id));
  // The engine's queue kind reports its backlog in `extra.depth` when it has one.
  const extra = stats?.extra?.depth;
  const depth = typeof extra === 'number' ? extra : (stats?.queueLength ?? 0);
  const fill = depth <= 0 ? 0 : Math.min(1, Math.log10(depth + 1) / Math.log10(FULL_DEPTH + 1));
  return (
    <NodeShell id={id} kind={data.kind} label={data.label} icon={<QueueIcon />} selected={!!selected} status={nodeHealthWord(stats)}>
      <div className="mc-depth" role="meter" aria-label="queue depth" aria-valuemin={0} aria-valuemax={FULL_DEPTH} aria-valuenow={depth}>
        <span className="mc-depth__bar" style={{ width: `${fill * 100}%` }} />
        <span className="mc-depth__text">{Math.round(depth)} waiting</span>
      </div>
      {stats && <Badges rps={stats.arrivalsPerS} errorRate={stats.errorRate} />}
      <ExtraBadges extra={stats?.extra} skip={['depth']} />
    </NodeShell>
  );
});
