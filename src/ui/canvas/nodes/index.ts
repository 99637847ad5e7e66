/**
 * The UI's node registry: one component per engine kind (engine/kinds/index.ts), built once
 * at module level for React Flow's nodeTypes. A test checks that NODE_COMPONENTS and the
 * engine's KINDS list the same kinds; any kind without a component is drawn by GenericNode.
 */
import type { ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../types';
import { CacheNode } from './CacheNode';
import { ClientNode } from './ClientNode';
import { FunctionNode } from './FunctionNode';
import { DatabaseNode } from './DatabaseNode';
import { GatewayNode } from './GatewayNode';
import { GenericNode } from './GenericNode';
import { QueueNode } from './QueueNode';
import { RegistryNode } from './RegistryNode';
import { SagaNode } from './SagaNode';
import { ServiceNode } from './ServiceNode';
import { TopicNode } from './TopicNode';

type NodeComponent = ComponentType<NodeProps<FlowNode>>;

export const NODE_COMPONENTS: Record<string, NodeComponent> = {
  client: ClientNode,
  gateway: GatewayNode,
  service: ServiceNode,
  function: FunctionNode,
  database: DatabaseNode,
  cache: CacheNode,
  registry: RegistryNode,
  queue: QueueNode,
  topic: TopicNode,
  saga: SagaNode,
};

export const GENERIC_TYPE = 'generic';

export const nodeTypes: Record<string, NodeComponent> = { ...NODE_COMPONENTS, [GENERIC_TYPE]: GenericNode };

export function nodeTypeFor(kind: string): string {
  return kind in nodeTypes ? kind : GENERIC_TYPE;
}
