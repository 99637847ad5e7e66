import { edgeKey } from '../../../engine/calls/edgeSchema';
import type { AppState, ClientLive, NodeLive } from '../../../store/types';
import { edgeTarget } from '../../common/edges';
import { errorHealth, errorLevel, HEALTH_WORD } from '../../common/format';

/** The word for a node whose failures come from behind it: it is not the one failing. */
export const PASSING_ON = 'passing on errors';

/**
 * The one-word state of a node, shown as text so that colour is never the only signal. It is
 * judged by the errors that start at the node: one that only passes on its callees' failures
 * says so instead of "failing".
 */
export function nodeHealthWord(stats: NodeLive | undefined): string | undefined {
  if (!stats) return undefined;
  if (stats.replicas > 0 && stats.readyReplicas === 0) return 'down';
  const rate = Math.max(stats.arrivalsPerS, stats.throughputPerS);
  const own = errorHealth(stats.ownErrorRate, rate);
  if (own === 'warn' || own === 'bad') return HEALTH_WORD[own];
  const all = errorHealth(stats.errorRate, rate);
  return all === 'warn' || all === 'bad' ? PASSING_ON : HEALTH_WORD[own];
}

/** The same word for a client, judged by the answers it got. */
export function clientHealthWord(stats: ClientLive | undefined): string | undefined {
  return stats ? HEALTH_WORD[errorHealth(stats.errorRate, stats.rps)] : undefined;
}

/** A node card names at most this many sources of errors (the worst), and counts the rest. */
const MAX_NAMED = 2;

/**
 * The nodes whose failures this node passes on (its calls to them fail, worst first), as one
 * string so a component re-renders only when it changes; '' when the node makes most of its
 * errors itself or has none to speak of.
 */
export const passedOnFrom = (id: string) => (s: AppState): string => {
  const n = s.run.nodes[id];
  if (!n || errorLevel(n.errorRate) === 'ok' || n.errorRate - n.ownErrorRate < n.ownErrorRate) return '';
  const prefix = edgeKey(id, '');
  const failing = Object.entries(s.run.edges)
    .filter(([key, e]) => key.startsWith(prefix) && e.callsPerS > 0 && errorLevel(e.errorRate) !== 'ok')
    .sort((a, b) => b[1].errorRate * b[1].callsPerS - a[1].errorRate * a[1].callsPerS);
  const names = failing.slice(0, MAX_NAMED).map(([key]) => {
    const to = edgeTarget(key) ?? key;
    return s.scenario.nodes.find((x) => x.id === to)?.label ?? to;
  });
  return failing.length > MAX_NAMED ? `${names.join(', ')} +${failing.length - MAX_NAMED}` : names.join(', ');
};
