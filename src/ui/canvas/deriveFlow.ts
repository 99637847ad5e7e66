/**
 * Turns scenario nodes and edges into React Flow's, reusing the previous object for anything
 * unchanged so React Flow (and each memoised node) skips it. Sizes React Flow measured are
 * carried over, since the scenario does not know them.
 */
import { MarkerType } from '@xyflow/react';
import { edgeKey } from '../../engine/calls/edgeSchema';
import type { Scenario, Selection } from '../../store/types';
import { nodeTypeFor } from './nodes';
import type { FlowEdge, FlowNode } from './types';

export function deriveNodes(nodes: Scenario['nodes'], prev: readonly FlowNode[], selection: Selection): FlowNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  return nodes.map((n) => {
    const p = before.get(n.id);
    const label = n.label ?? n.id;
    const pos = n.position ?? { x: 0, y: 0 };
    const selected = (selection?.type === 'node' && selection.id === n.id) || (selection?.type === 'nodes' && selection.ids.includes(n.id));
    const sameData = p && p.data.kind === n.kind && p.data.label === label;
    // While a node is being dragged React Flow owns its position; the scenario catches up on drop.
    const position = p?.dragging ? p.position : pos;
    if (p && sameData && p.position.x === position.x && p.position.y === position.y && !!p.selected === selected) return p;
    return {
      id: n.id,
      type: nodeTypeFor(n.kind),
      position,
      data: sameData ? p.data : { kind: n.kind, label },
      selected,
      ariaLabel: `${label} (${n.kind})`,
      ...(p?.measured ? { measured: p.measured } : {}),
      ...(p?.dragging ? { dragging: true } : {}),
    };
  });
}

const MARKER = { type: MarkerType.ArrowClosed, width: 16, height: 16 };

export function deriveEdges(edges: Scenario['edges'], selection: Selection): FlowEdge[] {
  return edges.map((e) => {
    const id = edgeKey(e.from, e.to);
    const selected = selection?.type === 'edge' && selection.id === id;
    return { id, source: e.from, target: e.to, type: 'flow', selected, markerEnd: MARKER, ariaLabel: `call from ${e.from} to ${e.to}` };
  });
}
