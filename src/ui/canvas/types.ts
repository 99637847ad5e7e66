import type { Edge, Node } from '@xyflow/react';

/** React Flow holds topology only: what to draw and where. Live numbers come from the run slice. */
export type FlowNodeData = { kind: string; label: string };
export type FlowNode = Node<FlowNodeData>;
export type FlowEdge = Edge;
