import { z } from 'zod';
import { nodeBaseShape } from '../common';
import { deliveryShape } from '../queue/schema';

/**
 * Publish/subscribe: every message published goes to every subscriber (each edge out of
 * the topic), each subscription with its own backlog and delivery settings.
 */
export const topicSchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('topic'),
  ...deliveryShape,
});

export type TopicNode = z.output<typeof topicSchema>;
