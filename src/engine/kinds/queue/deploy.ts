import type { DeployWords, KindDeploy } from '../deploy';
import type { QueueNode } from './schema';
import type { TopicNode } from '../topic/schema';

/** The delivery settings a queue and a topic share, as one sentence (`fifo`: a queue's FIFO is worth saying). */
export function deliveryLine(n: QueueNode | TopicNode, words: DeployWords, fifo: boolean): string {
  return `${n.delivery}${fifo ? ', FIFO' : ''}; visibility timeout ${words.spoken(n.visibilityTimeoutMs)}${n.maxReceiveCount ? `, dead-letter after ${n.maxReceiveCount} receives${n.deadLetter ? ` to ${n.deadLetter}` : ''}` : ''}${n.capacity ? `, holds at most ${n.capacity} messages` : ''}.`;
}

/** An at-least-once queue is SQS (ElasticMQ locally); an at-most-once one is a Redis list (LPUSH/BRPOP). */
export const queueDeploy: KindDeploy<QueueNode> = {
  runtime: (n) => (n.delivery === 'at-most-once' ? 'redis' : 'elasticmq'),
  messaging: true,
  settings: (n) => ({ queue: { fifo: n.fifo, visibilityTimeoutMs: n.visibilityTimeoutMs, deadLetter: n.deadLetter, maxReceiveCount: n.maxReceiveCount } }),
  notes: (n, words) => [deliveryLine(n, words, n.fifo)],
};
