import { z } from 'zod';
import { nodeBaseShape } from '../common';

/** Delivery settings shared by a queue and by each subscription of a topic. */
export const deliveryShape = {
  delivery: z.enum(['at-most-once', 'at-least-once'], { error: 'delivery must be "at-most-once" or "at-least-once"' }).default('at-least-once')
    .describe('at-most-once: a taken message is gone (Redis LPUSH/BRPOP); at-least-once: it comes back unless acknowledged (SQS)'),
  visibilityTimeoutMs: z.number().positive('visibilityTimeoutMs must be > 0').max(43_200_000, 'visibilityTimeoutMs must be at most 12 hours (SQS)').default(30_000)
    .describe('How long a taken message stays invisible before it is delivered again (ms)'),
  maxReceiveCount: z.number().int().min(1, 'maxReceiveCount must be >= 1').max(1000, 'maxReceiveCount must be <= 1000 (SQS)').optional()
    .describe('Receives after which a message goes to the dead-letter queue'),
  fifo: z.boolean().default(false)
    .describe('An SQS FIFO queue: an acknowledgement that comes after the visibility timeout is refused. A standard queue (false) still deletes the message then, unless someone received it again'),
  deadLetter: z.string().min(1).optional().describe('Queue that takes messages received maxReceiveCount times'),
  capacity: z.number().int().min(1).max(100_000_000).optional().describe('Messages the queue holds at most; publishing to a full queue fails'),
};

/**
 * A message queue. An edge into it is an asynchronous publish: the producer waits only for
 * the enqueue. An edge out of it makes the target a consumer whose workers pull one message
 * each (competing consumers).
 */
export const queueSchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('queue'),
  ...deliveryShape,
});

export type QueueNode = z.output<typeof queueSchema>;
