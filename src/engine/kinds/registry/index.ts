import { NodeRt } from '../../runtime/nodeRuntime';
import { defineKind } from '../types';
import { registrySchema } from './schema';

export const registryKind = defineKind({
  kind: 'registry',
  title: 'Registry',
  description: 'Where instances register and callers look them up (service discovery).',
  schema: registrySchema,
  canCall: false,
  canBeCalled: false,
  example: (id) => ({ id, kind: 'registry' as const }),
  build: (node, ctx) => new NodeRt(ctx.index, node.id, node.kind),
});
