import type { CrossCheckContext } from '../types';
import type { QueueNode } from './schema';
import type { TopicNode } from '../topic/schema';

/**
 * A queue or topic: its dead-letter queue, and what its edges may reach. A queue's edge makes
 * the target a consumer whose workers pull messages, so it must be a node with workers; a
 * topic may also fan out into queues (SNS to SQS).
 */
export function checkMessaging(n: QueueNode | TopicNode, i: number, ctx: CrossCheckContext): void {
  const { problems, warnings } = ctx;
  if (n.deadLetter !== undefined) {
    const dlq = ctx.kindById.get(n.deadLetter);
    const path = `nodes[${i}].deadLetter`;
    if (!dlq) problems.push({ path, message: `unknown node "${n.deadLetter}": deadLetter must name a queue` });
    else if (dlq !== 'queue') problems.push({ path, message: `"${n.deadLetter}" is a ${dlq}: deadLetter must name a queue` });
    else if (n.deadLetter === n.id) problems.push({ path, message: `a queue cannot be its own dead-letter queue ("${n.id}")` });
  }
  if (n.delivery === 'at-most-once' && (n.deadLetter !== undefined || n.maxReceiveCount !== undefined)) {
    warnings.push(`${n.kind} "${n.id}" is at-most-once: a message is received once, so maxReceiveCount and deadLetter have no effect`);
  } else if (n.maxReceiveCount !== undefined && n.deadLetter === undefined) {
    warnings.push(`${n.kind} "${n.id}" has maxReceiveCount but no deadLetter: messages received ${n.maxReceiveCount} times are dropped (counted as lost)`);
  }
  const takes = (kind: string) => {
    const caps = ctx.kindOf(kind)?.capabilities;
    return caps?.consumer === true || (n.kind === 'topic' && caps?.subscriber === true);
  };
  const allowed = ctx.kinds.filter((k) => takes(k.kind)).map((k) => k.kind);
  ctx.scenario.edges.forEach((e, k) => {
    if (e.from !== n.id) return;
    const to = ctx.kindById.get(e.to);
    if (to && !takes(to)) {
      problems.push({ path: `edges[${k}].to`, message: `a ${n.kind}'s edge goes to a consumer: a ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not the ${to} "${e.to}"` });
    }
  });
}
