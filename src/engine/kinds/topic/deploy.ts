import type { KindDeploy } from '../deploy';
import { deliveryLine } from '../queue/deploy';
import type { TopicNode } from './schema';

/** A topic is SNS (LocalStack locally): each subscriber gets its own subscription. */
export const topicDeploy: KindDeploy<TopicNode> = {
  runtime: () => 'localstack',
  messaging: true,
  notes: (n, words) => [
    deliveryLine(n, words, false),
    'Each subscriber gets its own copy of every message: one SNS subscription (an SQS queue or an HTTP endpoint) per subscriber.',
  ],
};
