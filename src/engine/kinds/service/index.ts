import { defineKind } from '../types';
import { buildStation } from '../station';
import { serviceSchema } from './schema';

export const serviceKind = defineKind({
  kind: 'service',
  title: 'Service',
  description: 'Instances with workers that do some work, call what they depend on, and answer.',
  schema: serviceSchema,
  canCall: true,
  canBeCalled: true,
  example: (id) => ({ id, kind: 'service' as const, instances: 2, concurrency: 4, serviceTimeMs: { dist: 'exponential' as const, mean: 20 } }),
  build: (node, ctx) =>
    buildStation({ ...node, workers: node.concurrency, parallel: node.callOrder === 'parallel' }, ctx),
});
