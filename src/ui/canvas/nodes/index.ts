/**
 * The UI's node registry for React Flow's nodeTypes: every kind in the look table
 * (kindLooks.tsx) is drawn by the one KindNode, under its own type name (so React Flow's
 * class names still say the kind). A test checks that the table and the engine's KINDS list
 * the same kinds; any kind without an entry is drawn with the generic look.
 */
import type { ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../types';
import { KIND_LOOKS } from './kindLooks';
import { KindNode } from './KindNode';

type NodeComponent = ComponentType<NodeProps<FlowNode>>;

export const GENERIC_TYPE = 'generic';

export const nodeTypes: Record<string, NodeComponent> = Object.fromEntries([...Object.keys(KIND_LOOKS), GENERIC_TYPE].map((k) => [k, KindNode]));

export function nodeTypeFor(kind: string): string {
  return kind in KIND_LOOKS ? kind : GENERIC_TYPE;
}
