import type { ReactNode } from 'react';
import { useStore } from '../../../store';
import { nodeStats } from '../../../store/selectors';
import { Badges } from './Badges';
import { ExtraBadges } from './ExtraBadges';
import { InstanceCells } from './InstanceCells';
import { NodeShell } from './NodeShell';
import { nodeHealthWord, passedOnFrom } from './useNodeHealth';

/** Body shared by kinds that serve on instances (service, gateway, database): cells and badges. */
export function StationNode({ id, kind, label, selected, icon, cells = true }: { id: string; kind: string; label: string; selected: boolean; icon: ReactNode; cells?: boolean }) {
  const stats = useStore(nodeStats(id));
  const from = useStore(passedOnFrom(id));
  return (
    <NodeShell id={id} kind={kind} label={label} icon={icon} selected={selected} status={nodeHealthWord(stats)}>
      {cells && <InstanceCells stats={stats} />}
      {stats && (
        <Badges rps={stats.arrivalsPerS} p99Ms={stats.p99Ms} errorRate={stats.errorRate} passedOnFrom={from} utilization={cells ? stats.utilization : undefined} queue={cells ? stats.queueLength : undefined} />
      )}
      <ExtraBadges extra={stats?.extra} />
    </NodeShell>
  );
}
