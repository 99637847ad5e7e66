import { z } from 'zod';
import { distributionSchema } from '../../core/distributions';
import { callOrderSchema, count, DEFAULT_QUEUE_CAPACITY, loadBalancerSchema, nodeBaseShape } from '../common';

/** Fields shared by every kind that serves requests on instances with workers. */
export const stationShape = {
  instances: count('instances', 0, 1000).default(1).describe('Running copies of the service (horizontal scale)'),
  concurrency: count('concurrency', 1, 10_000).default(4).describe('Workers per instance: requests one instance serves at once'),
  queueCapacity: count('queueCapacity', 0, 10_000_000).default(DEFAULT_QUEUE_CAPACITY).describe('Requests that may wait per instance when all workers are busy; beyond it the instance answers 503'),
  loadBalancer: loadBalancerSchema,
  startupMs: z.number().min(0).max(3_600_000).default(0).describe('Time a new or restarted instance takes before it serves (ms)'),
};

export const serviceSchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('service'),
  ...stationShape,
  serviceTimeMs: distributionSchema.default({ dist: 'exponential', mean: 20 }).describe('Own work per request, before its outgoing calls (ms)'),
  callOrder: callOrderSchema,
});

export type ServiceNode = z.output<typeof serviceSchema>;
