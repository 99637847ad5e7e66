import type { KindDeploy } from '../deploy';
import type { DatabaseNode } from './schema';

/** A database is PostgreSQL, unless services keep their sessions in it: a session store is Redis. */
export const databaseDeploy: KindDeploy<DatabaseNode> = {
  runtime: (_n, ctx) => (ctx.sessionStore ? 'redis' : 'postgres'),
  stateful: true,
  settings: (n) => ({ replicas: n.replicas, loadBalancer: n.loadBalancer, connections: n.connections }),
  notes: (n) => [
    `Connection pool of ${n.connections} per server, ${n.queueCapacity} queries may wait.`,
    ...(n.replicas > 1 ? [`${n.replicas} servers share the load: run them as a replicated cluster (an operator such as CloudNativePG), not as independent copies.`] : []),
  ],
};
