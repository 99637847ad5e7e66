import { z } from 'zod';
import { distributionSchema } from '../../core/distributions';
import { autoscaleSchema, sizeSchema, uslSchema } from '../../scaling/autoscaleSchema';
import { callOrderSchema, count, DEFAULT_QUEUE_CAPACITY, loadBalancerSchema, nodeBaseShape } from '../common';

/** Fields shared by every kind that serves requests on instances with workers. */
export const stationShape = {
  instances: count('instances', 0, 1000).default(1).describe('Running copies of the service (horizontal scale)'),
  concurrency: count('concurrency', 1, 10_000).default(4).describe('Workers per instance: requests one instance serves at once'),
  queueCapacity: count('queueCapacity', 0, 10_000_000).default(DEFAULT_QUEUE_CAPACITY).describe('Requests that may wait per instance when all workers are busy; beyond it the instance answers 503'),
  loadBalancer: loadBalancerSchema,
  startupMs: z.number().min(0).max(3_600_000).default(0).describe('Time a new or restarted instance takes before it serves (ms)'),
};

/** One route of a service that serves several (a monolith): its own cost and dependencies. */
export const operationSchema = z.strictObject({
  path: z.string().min(1).max(200).regex(/^\//, 'path must start with "/"').describe('Path prefix this operation serves'),
  serviceTimeMs: distributionSchema.describe('Own work of this operation (ms)'),
  calls: z.array(z.string().min(1)).max(50).default([]).describe('Nodes this operation calls, in order (each needs an edge)'),
});

export const healthCheckSchema = z.strictObject({
  periodMs: z.number().positive('periodMs must be > 0').max(3_600_000).default(10_000).describe('How often each instance is probed (ms)'),
  failureThreshold: count('failureThreshold', 1, 100).default(3).describe('Failed probes in a row before the instance is taken out of rotation'),
}).describe('Readiness probe: takes a failed instance out of discovery quickly');

export const serviceSchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('service'),
  ...stationShape,
  serviceTimeMs: distributionSchema.default({ dist: 'exponential', mean: 20 }).describe('Own work per request, before its outgoing calls (ms)'),
  callOrder: callOrderSchema,
  operations: z.array(operationSchema).max(100).optional().describe('Routes with their own work and calls (a monolith serving several paths)'),
  autoscale: autoscaleSchema.optional(),
  size: sizeSchema.optional().describe('Instance size (vertical scale): small, medium, large, xlarge'),
  usl: uslSchema.optional().describe('Universal Scalability Law: contention (alpha) and coherency (beta) of this service'),
  sessions: z.enum(['none', 'sticky', 'store'], { error: 'sessions must be none, sticky or store' }).default('none').describe('Where user sessions live: nowhere, pinned to an instance, or in a session store'),
  sessionStore: z.string().min(1).optional().describe('The node holding sessions when sessions is "store" (needs an edge)'),
  healthCheck: healthCheckSchema.optional(),
});

export type ServiceNode = z.output<typeof serviceSchema>;
