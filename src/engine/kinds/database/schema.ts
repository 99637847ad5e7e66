import { z } from 'zod';
import { distributionSchema } from '../../core/distributions';
import { count, DEFAULT_QUEUE_CAPACITY, loadBalancerSchema, nodeBaseShape } from '../common';

/**
 * A database: a connection pool in front of query execution. `connections` is the pool
 * size (the workers), and callers beyond it wait for a connection up to `queueCapacity`.
 * `replicas` are read replicas behind the same endpoint.
 */
export const databaseSchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('database'),
  replicas: count('replicas', 1, 100).default(1).describe('Database servers sharing the load'),
  connections: count('connections', 1, 10_000).default(10).describe('Connection pool size per server: queries run at once'),
  queueCapacity: count('queueCapacity', 0, 10_000_000).default(DEFAULT_QUEUE_CAPACITY).describe('Queries that may wait for a connection; beyond it the query is rejected'),
  queryTimeMs: distributionSchema.default({ dist: 'exponential', mean: 5 }).describe('Time to run one query (ms)'),
  loadBalancer: loadBalancerSchema,
});

export type DatabaseNode = z.output<typeof databaseSchema>;
