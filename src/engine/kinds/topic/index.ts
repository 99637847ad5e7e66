import { Broker, brokerBehaviour, channelSettings } from '../../messaging/broker';
import { NodeRt } from '../../runtime/nodeRuntime';
import { checkMessaging } from '../queue/crossCheck';
import { defineKind } from '../types';
import { topicSchema } from './schema';
import { topicDeploy } from './deploy';

export const topicKind = defineKind({
  kind: 'topic',
  title: 'Topic',
  description: 'Publish/subscribe: every subscriber gets its own copy of each message.',
  schema: topicSchema,
  canCall: true,
  canBeCalled: true,
  capabilities: { asynchronous: true },
  example: (id) => ({ id, kind: 'topic' as const }),
  build: (node, ctx) => {
    // One backlog per subscription (edge out), made when the run starts (engine/messaging).
    const n = new NodeRt(ctx.index, node.id, node.kind);
    n.behaviour = brokerBehaviour;
    n.state = new Broker(n, true, channelSettings(node), node.deadLetter);
    return n;
  },
  crossCheck: checkMessaging,
  deploy: topicDeploy,
});
