import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useStore } from '../../../store';
import { nodeStats } from '../../../store/selectors';
import { TopicIcon } from '../../common/icons';
import type { FlowNode } from '../types';
import { Badges } from './Badges';
import { ExtraBadges } from './ExtraBadges';
import { NodeShell } from './NodeShell';
import { SubscriberBacklog } from './SubscriberBacklog';
import { nodeHealthWord } from './useNodeHealth';

/** A topic: publishes per second, its totals, and each subscriber's own backlog. */
export const TopicNode = memo(function TopicNode({ id, data, selected }: NodeProps<FlowNode>) {
  const stats = useStore(nodeStats(id));
  return (
    <NodeShell id={id} kind={data.kind} label={data.label} icon={<TopicIcon />} selected={!!selected} status={nodeHealthWord(stats)}>
      {stats && <Badges rps={stats.arrivalsPerS} errorRate={stats.errorRate} />}
      <ExtraBadges extra={stats?.extra} skip={['depth', 'inFlight', 'oldestAgeMs']} />
      <SubscriberBacklog extra={stats?.extra} />
    </NodeShell>
  );
});
