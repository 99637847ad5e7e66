import { z } from 'zod';
import { nodeBaseShape } from '../common';

export const sagaStepSchema = z.strictObject({
  call: z.string().min(1).describe('Service that performs this step (needs an edge from the saga)'),
  compensate: z.string().min(1).optional().describe('Service that undoes this step if a later one fails (needs an edge)'),
});

/**
 * A saga orchestrator: runs its steps in order; when a step fails, runs the compensations of
 * the steps already done, in reverse order, each retried until it succeeds or
 * maxCompensationAttempts is reached (then the saga is stuck: an inconsistency).
 *
 * With a `pivot` (semantics.md §10), the steps up to and including the pivot are
 * compensatable; once the pivot has committed, the later steps are *retriable*: a failure is
 * retried (same attempts and backoff) instead of compensated, and a step that never succeeds
 * leaves the saga stuck as well.
 */
export const sagaSchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('saga'),
  steps: z.array(sagaStepSchema).min(1, 'a saga needs at least one step').max(50),
  maxCompensationAttempts: z.number().int().min(1).max(1000).default(5).describe('Tries of each compensation (and of each step after the pivot) before the saga is stuck'),
  compensationBackoffMs: z.number().min(0).max(3_600_000).default(100).describe('Wait between tries of a compensation or of a step after the pivot (ms)'),
  pivot: z.number().int('pivot must be a whole number').min(0, 'pivot must be >= 0').max(49).optional()
    .describe('Index (from 0) of the go/no-go step: steps after it are retried, not compensated. Default: the last step'),
});

export type SagaNode = z.output<typeof sagaSchema>;
