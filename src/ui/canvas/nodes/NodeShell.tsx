import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { kindOf } from '../../../engine/kinds';
import { useStore } from '../../../store';
import { nodeHeldBack } from '../../../store/selectors';

interface Props {
  id: string;
  kind: string;
  label: string;
  icon: ReactNode;
  selected: boolean;
  /** A short state word for screen readers and colour-blind readers, e.g. "failing". */
  status?: string;
  children?: ReactNode;
}

/** A status word as a class name ("passing on errors" → "passing-on-errors"). */
const statusClass = (status: string) => status.replace(/ /g, '-');

/**
 * The frame every node kind shares: a shape class per kind (the silhouette differs, not
 * only the colour), icon, name, and handles on the sides the kind allows. A node that keeps
 * the scenario from running (a saga not yet connected) says "not running": the simulation
 * goes on without it until it is complete.
 */
export function NodeShell({ id, kind, label, icon, selected, status: liveStatus, children }: Props) {
  const def = kindOf(kind);
  const heldBack = useStore(nodeHeldBack(id));
  const status = heldBack ? 'draft' : liveStatus;
  return (
    // The status tag sits outside the shaped box so a clipped silhouette (the gateway's hexagon) cannot hide it.
    <div className="mc-node-wrap">
      {def?.canBeCalled !== false && <Handle type="target" position={Position.Left} className="mc-handle" />}
      {status && status !== 'healthy' && status !== 'idle' && <span className={`mc-node__status mc-node__status--${statusClass(status)}`}>{status === 'draft' ? 'not running' : status}</span>}
      <div className={`mc-node mc-node--${kind}${selected ? ' is-selected' : ''}`} data-status={status && statusClass(status)} data-testid={`node-${kind}`}>
        <div className="mc-node__head">
          <span className="mc-node__icon">{icon}</span>
          <span className="mc-node__label" title={label}>{label}</span>
        </div>
        {children}
      </div>
      {def?.canCall !== false && <Handle type="source" position={Position.Right} className="mc-handle" />}
    </div>
  );
}
