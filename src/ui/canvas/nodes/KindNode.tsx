import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useStore } from '../../../store';
import { clientStats, nodeStats } from '../../../store/selectors';
import type { FlowNode } from '../types';
import { Badges } from './Badges';
import { ExtraBadges } from './ExtraBadges';
import { InstanceCells } from './InstanceCells';
import { lookOf, type BadgeName, type KindLook } from './kindLooks';
import { clientHealthWord, nodeHealthWord, passedOnFrom } from './nodeHealth';
import { NodeShell } from './NodeShell';

interface CardProps {
  id: string;
  kind: string;
  label: string;
  selected: boolean;
  look: KindLook;
}

/** A client: the answers it got. */
function ClientCard({ id, kind, label, selected, look }: CardProps) {
  const stats = useStore(clientStats(id));
  const has = (b: BadgeName) => look.badges.includes(b);
  return (
    <NodeShell id={id} kind={kind} label={label} icon={<look.icon />} selected={selected} status={clientHealthWord(stats)}>
      {stats && (
        <Badges rps={has('rps') ? stats.rps : undefined} p99Ms={has('p99') ? stats.p99Ms : undefined} errorRate={has('errors') ? stats.errorRate : undefined} allFailed={stats.lastSecondAllFailed} />
      )}
    </NodeShell>
  );
}

/** Any other kind, as its look says: cells, its own gauge, badges, the values it reports, its own detail. */
function NodeCard({ id, kind, label, selected, look }: CardProps) {
  const stats = useStore(nodeStats(id));
  const from = useStore(passedOnFrom(id));
  const has = (b: BadgeName) => look.badges.includes(b);
  const { gauge: Gauge, detail: Detail } = look;
  return (
    <NodeShell id={id} kind={kind} label={label} icon={<look.icon />} selected={selected} status={nodeHealthWord(stats)}>
      {look.cells && <InstanceCells stats={stats} />}
      {Gauge && <Gauge stats={stats} />}
      {stats && (
        <Badges rps={has('rps') ? stats.arrivalsPerS : undefined} p99Ms={has('p99') ? stats.p99Ms : undefined} errorRate={has('errors') ? stats.errorRate : undefined}
          passedOnFrom={has('origin') ? from : undefined} utilization={has('utilization') ? stats.utilization : undefined} queue={has('queue') ? stats.queueLength : undefined} />
      )}
      <ExtraBadges extra={stats?.extra} looks={look.extras} />
      {Detail && <Detail extra={stats?.extra} />}
    </NodeShell>
  );
}

/** Every node on the canvas, whatever its kind: the kind's look (kindLooks.tsx) says how it is drawn. */
export const KindNode = memo(function KindNode({ id, data, selected }: NodeProps<FlowNode>) {
  const look = lookOf(data.kind);
  const Card = look.live === 'client' ? ClientCard : NodeCard;
  return <Card id={id} kind={data.kind} label={data.label} selected={!!selected} look={look} />;
});
