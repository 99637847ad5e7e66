import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useStore } from '../../../store';
import { nodeStats } from '../../../store/selectors';
import { CacheIcon } from '../../common/icons';
import type { FlowNode } from '../types';
import { Badges } from './Badges';
import { ExtraBadges } from './ExtraBadges';
import { NodeShell } from './NodeShell';
import { nodeHealthWord, passedOnFrom } from './useNodeHealth';

/** A cache: a bar filled to its hit ratio over the last second, then the usual badges. */
export const CacheNode = memo(function CacheNode({ id, data, selected }: NodeProps<FlowNode>) {
  const stats = useStore(nodeStats(id));
  const from = useStore(passedOnFrom(id));
  const raw = stats?.extra?.hitRatio;
  const ratio = typeof raw === 'number' ? raw : 0;
  const pct = Math.round(ratio * 100);
  return (
    <NodeShell id={id} kind={data.kind} label={data.label} icon={<CacheIcon />} selected={!!selected} status={nodeHealthWord(stats)}>
      <div className="mc-depth mc-hits" role="meter" aria-label="hit ratio" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="cache-hit-ratio">
        <span className="mc-depth__bar mc-hits__bar" style={{ width: `${pct}%` }} />
        <span className="mc-depth__text">{pct}% hits</span>
      </div>
      {stats && <Badges rps={stats.arrivalsPerS} p99Ms={stats.p99Ms} errorRate={stats.errorRate} passedOnFrom={from} />}
      <ExtraBadges extra={stats?.extra} skip={['hitRatio']} />
    </NodeShell>
  );
});
