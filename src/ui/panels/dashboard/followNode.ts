/**
 * Which node the dashboard's node charts show when the person has selected none: the one in
 * most trouble, judged from its live numbers. Down beats failing, failing beats busy, and a
 * backlog counts a little; a newcomer needs a clear lead to take over, so the charts do not
 * flick between two nodes that are about as busy as each other.
 */
import type { NodeLive } from '../../../store/types';
import { fmtPct } from '../../common/format';

export interface Trouble {
  score: number;
  /** Why, in a few words: "97% busy", "12% errors", "down", "340 waiting". */
  reason: string;
}

/** A newcomer must be this much worse than the node followed now to take its place. */
export const TAKE_OVER_MARGIN = 0.1;

const FAILING = 0.05;

export function troubleOf(n: NodeLive): Trouble {
  if (n.replicas > 0 && n.readyReplicas === 0) return { score: 3, reason: 'down' };
  if (n.errorRate >= FAILING) return { score: 2 + n.errorRate, reason: `${fmtPct(n.errorRate)} errors` };
  const depth = typeof n.extra?.depth === 'number' ? n.extra.depth : 0;
  // A backlog of 10 000 messages weighs like a node 80 % busy; a busy node wins over a queue.
  const backlog = depth > 0 ? Math.min(0.8, (Math.log10(depth + 1) / 4) * 0.8) : 0;
  if (backlog > n.utilization) return { score: backlog, reason: `${Math.round(depth)} waiting` };
  return { score: n.utilization, reason: `${fmtPct(n.utilization)} busy` };
}

/** The node to follow now, given the live numbers and the node followed so far (if any). */
export function pickFollowed(nodes: Readonly<Record<string, NodeLive>>, current: string | null): string | null {
  let best: string | null = null;
  let bestScore = -1;
  for (const [id, n] of Object.entries(nodes)) {
    const s = troubleOf(n).score;
    if (s > bestScore) {
      best = id;
      bestScore = s;
    }
  }
  // Nothing busy, failing or waiting (before Play): nothing to follow yet.
  if (bestScore <= 0) return current !== null && nodes[current] ? current : null;
  const cur = current !== null ? nodes[current] : undefined;
  if (cur && best !== current && bestScore < troubleOf(cur).score + TAKE_OVER_MARGIN) return current;
  return best;
}
