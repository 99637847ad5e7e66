import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useStore } from '../../../store';
import { clientStats } from '../../../store/selectors';
import { ClientIcon } from '../../common/icons';
import type { FlowNode } from '../types';
import { Badges } from './Badges';
import { NodeShell } from './NodeShell';
import { clientHealthWord } from './useNodeHealth';

export const ClientNode = memo(function ClientNode({ id, data, selected }: NodeProps<FlowNode>) {
  const stats = useStore(clientStats(id));
  return (
    <NodeShell id={id} kind={data.kind} label={data.label} icon={<ClientIcon />} selected={!!selected} status={clientHealthWord(stats)}>
      {stats && <Badges rps={stats.rps} p99Ms={stats.p99Ms} errorRate={stats.errorRate} allFailed={stats.lastSecondAllFailed} />}
    </NodeShell>
  );
});
