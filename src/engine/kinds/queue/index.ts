import { Broker, brokerBehaviour, channelSettings } from '../../messaging/broker';
import { NodeRt } from '../../runtime/nodeRuntime';
import { checkMessaging } from '../queue/crossCheck';
import { defineKind } from '../types';
import { queueSchema } from './schema';
import { queueDeploy } from './deploy';

export const queueKind = defineKind({
  kind: 'queue',
  title: 'Queue',
  description: 'Holds messages until a consumer takes them: producers do not wait for the work.',
  schema: queueSchema,
  canCall: true,
  canBeCalled: true,
  capabilities: { asynchronous: true, subscriber: true },
  example: (id) => ({ id, kind: 'queue' as const }),
  build: (node, ctx) => {
    // The rules live in engine/messaging, shared with topics (see its README).
    const n = new NodeRt(ctx.index, node.id, node.kind);
    n.behaviour = brokerBehaviour;
    n.state = new Broker(n, false, channelSettings(node), node.deadLetter);
    return n;
  },
  crossCheck: checkMessaging,
  deploy: queueDeploy,
});
