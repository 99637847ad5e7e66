import { z } from 'zod';
import { distributionSchema } from '../../core/distributions';
import { MAX_DURATION_MS } from '../../core/units';
import { count, nodeBaseShape } from '../common';

/** Lambda's default concurrency quota per account and region, shared by functions without a reservation. */
export const ACCOUNT_CONCURRENCY = 1000;

/**
 * A serverless function, as AWS Lambda runs one: an execution environment per concurrent
 * invocation, made on demand (a cold start), kept warm for a while and reclaimed when idle;
 * invocations beyond the concurrency limit are throttled (429). Billed per request and per
 * GB-second of configured memory instead of per instance-hour.
 */
export const functionSchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('function'),
  memoryMb: count('memoryMb', 128, 10_240).default(128).describe('Configured memory (MB), 128 to 10,240: the price of a GB-second is paid on this'),
  durationMs: distributionSchema.default({ dist: 'exponential', mean: 50 }).describe('Handler run time per invocation, before its outgoing calls (ms; Lambda\'s Duration at this memory)'),
  coldStartMs: distributionSchema.default({ dist: 'lognormal', median: 250, p99: 1000 }).describe('Initialisation of a new execution environment (ms; Lambda\'s Init Duration)'),
  reservedConcurrency: count('reservedConcurrency', 0, 10_000).optional()
    .describe(`Invocations that may run at once; beyond it they are throttled (429). Empty: the account's ${ACCOUNT_CONCURRENCY}. 0 stops the function`),
  provisionedConcurrency: count('provisionedConcurrency', 0, 10_000).default(0).describe('Environments initialised up front and always warm (no cold start), billed while configured'),
  idleTimeoutMs: z.number({ error: 'idleTimeoutMs must be a number' }).positive('idleTimeoutMs must be > 0').max(MAX_DURATION_MS).default(300_000)
    .describe('How long an idle environment stays warm before it is reclaimed (ms; Lambda does not publish it, 5 to 15 minutes are observed)'),
}).refine((n) => n.reservedConcurrency === undefined || n.provisionedConcurrency <= n.reservedConcurrency, {
  message: 'provisionedConcurrency must be <= reservedConcurrency (provisioned environments count against it)',
  path: ['provisionedConcurrency'],
});

export type FunctionNode = z.output<typeof functionSchema>;
