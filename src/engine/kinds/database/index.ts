import { defineKind } from '../types';
import { buildStation } from '../station';
import { databaseSchema } from './schema';

export const databaseKind = defineKind({
  kind: 'database',
  title: 'Database',
  description: 'A connection pool in front of query execution; queries wait for a free connection.',
  schema: databaseSchema,
  canCall: false,
  canBeCalled: true,
  example: (id) => ({ id, kind: 'database' as const, connections: 10, queryTimeMs: { dist: 'exponential' as const, mean: 5 } }),
  build: (node, ctx) =>
    buildStation({
      id: node.id, kind: node.kind, instances: node.replicas, workers: node.connections, queueCapacity: node.queueCapacity,
      serviceTimeMs: node.queryTimeMs, loadBalancer: node.loadBalancer, startupMs: 0, parallel: false,
    }, ctx),
});
