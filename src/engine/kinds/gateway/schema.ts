import { z } from 'zod';
import { distributionSchema } from '../../core/distributions';
import { DAY_MS } from '../../core/units';
import { count, nodeBaseShape } from '../common';
import { stationShape } from '../service/schema';
import { rateLimitSchema } from '../../calls/resilienceSchema';

export const splitSchema = z.strictObject({
  service: z.string().min(1).describe('A node that takes part of this route'),
  weight: z.number().min(0, 'weight must be >= 0').max(1e6).describe('Share of the route\'s requests, relative to the others'),
});

export const routeSchema = z.strictObject({
  prefix: z.string().min(1).max(200).regex(/^\//, 'prefix must start with "/"').describe('Path prefix, e.g. /orders'),
  to: z.union([z.string().min(1), z.array(splitSchema).min(1, 'a split needs at least one service').max(20)], {
    error: 'to must name a node, or list [{service, weight}] to split traffic',
  }).describe('Node that serves this prefix, or a weighted split [{service, weight}] (strangler fig, canary)'),
});

/** The targets of a route with their weights (a plain route is one target of weight 1). */
export function routeTargets(to: string | readonly { service: string; weight: number }[]): { service: string; weight: number }[] {
  return typeof to === 'string' ? [{ service: to, weight: 1 }] : to.map((t) => ({ service: t.service, weight: t.weight }));
}

/** Whether a route's split gives its requests nowhere to go: its weights add up to 0. */
export function splitAddsUpToZero(to: string | readonly { weight: number }[]): boolean {
  return typeof to !== 'string' && to.reduce((a, t) => a + t.weight, 0) <= 0;
}

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
  rateLimit: rateLimitSchema.optional(),
  auth: z.strictObject({
    to: z.string().min(1).describe('The auth service the gateway asks about each request'),
    cacheTtlMs: z.number().min(0).max(DAY_MS).default(0).describe('How long a client\'s successful check is reused (ms); 0 = ask every time'),
  }).optional().describe('Check each request with an auth service before routing it'),
});

export type GatewayNode = z.output<typeof gatewaySchema>;
