import { z } from 'zod';
import { distributionSchema } from '../core/distributions';
import { DAY_MS } from '../core/units';
import { bulkheadSchema, circuitBreakerSchema, fallbackSchema, retrySchema } from './resilienceSchema';

/**
 * One-way network delay of a call when the edge does not say: about what a round trip
 * inside one data centre costs (0.5 ms each way, rounded up to 1 ms).
 */
export const DEFAULT_LATENCY_MS = 1;

export const edgeSchema = z.strictObject({
  from: z.string({ error: 'from must name a node' }).min(1, 'from must name a node'),
  to: z.string({ error: 'to must name a node' }).min(1, 'to must name a node'),
  latencyMs: distributionSchema.default(DEFAULT_LATENCY_MS).describe('Network delay each way (ms)'),
  probability: z.number().min(0, 'probability must be >= 0').max(1, 'probability must be <= 1').default(1).describe('Chance that a request makes this call'),
  timeoutMs: z.number().positive('timeoutMs must be > 0').max(DAY_MS).optional().describe('The caller gives up after this long (ms)'),
  retry: retrySchema.optional(),
  circuitBreaker: circuitBreakerSchema.optional(),
  bulkhead: bulkheadSchema.optional(),
  fallback: fallbackSchema.optional(),
  label: z.string().max(80).optional(),
});

export type Edge = z.output<typeof edgeSchema>;
export const edgeKey = (from: string, to: string) => `${from}->${to}`;
