import { defineKind } from '../types';
import { buildStation } from '../buildStation';
import { databaseSchema } from './schema';
import { databaseDeploy } from './deploy';

export const databaseKind = defineKind({
  kind: 'database',
  title: 'Database',
  description: 'A connection pool in front of query execution; queries wait for a free connection.',
  schema: databaseSchema,
  canCall: false,
  canBeCalled: true,
  capabilities: { instances: true, consumer: true },
  example: (id) => ({ id, kind: 'database' as const, connections: 10, queryTimeMs: { dist: 'exponential' as const, mean: 5 } }),
  build: (node, ctx) =>
    buildStation({
      id: node.id, kind: node.kind, instances: node.replicas, workers: node.connections, queueCapacity: node.queueCapacity,
      serviceTimeMs: node.queryTimeMs, loadBalancer: node.loadBalancer, startupMs: 0, parallel: false,
    }, ctx),
  liveFields: {
    replicas: (node, v: number) => ({ type: 'setInstances', node, instances: v }),
    connections: (node, v: number) => ({ type: 'setConcurrency', node, concurrency: v }),
  },
  // Database per service: a database that two services call is a shared database.
  crossCheckAll(databases, ctx) {
    for (const db of databases) {
      const callers = [...new Set(ctx.scenario.edges.filter((e) => e.to === db.id).map((e) => e.from))]
        .filter((id) => ctx.kindById.get(id) === 'service');
      if (callers.length > 1) ctx.warnings.push(`database "${db.id}" is shared by ${callers.map((c) => `"${c}"`).join(' and ')}: the shared-database anti-pattern couples them (give each service its own)`);
    }
  },
  deploy: databaseDeploy,
});
