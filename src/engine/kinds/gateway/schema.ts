import { z } from 'zod';
import { distributionSchema } from '../../core/distributions';
import { count, nodeBaseShape } from '../common';
import { stationShape } from '../service/schema';

export const routeSchema = z.strictObject({
  prefix: z.string().min(1).max(200).regex(/^\//, 'prefix must start with "/"').describe('Path prefix, e.g. /orders'),
  to: z.string().min(1).describe('Node that serves this prefix'),
});

/**
 * An API gateway: one entry point that routes each request by the longest matching path
 * prefix to one service. A request no route matches fails as 404.
 */
export const gatewaySchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('gateway'),
  ...stationShape,
  concurrency: count('concurrency', 1, 100_000).default(256).describe('Requests one gateway instance handles at once (event-loop proxies hold many)'),
  serviceTimeMs: distributionSchema.default(1).describe('Routing work per request (ms)'),
  routes: z.array(routeSchema).max(200).default([]).describe('Path prefix to service; without routes every outgoing edge is called'),
});

export type GatewayNode = z.output<typeof gatewaySchema>;
