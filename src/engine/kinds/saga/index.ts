import { NodeRt } from '../../runtime/nodeRuntime';
import { defineKind } from '../types';
import { sagaSchema } from './schema';

export const sagaKind = defineKind({
  kind: 'saga',
  title: 'Saga',
  description: 'An orchestrator that runs steps in order and compensates the done ones when a step fails.',
  schema: sagaSchema,
  canCall: true,
  canBeCalled: true,
  example: (id) => ({ id, kind: 'saga' as const, steps: [{ call: 'orders' }] }),
  build: (node, ctx) => new NodeRt(ctx.index, node.id, node.kind),
});
