import { errorHealth, HEALTH_WORD } from '../../common/format';
import type { ClientLive, NodeLive } from '../../../store/types';

/** The one-word state of a node, shown as text so that colour is never the only signal. */
export function nodeHealthWord(stats: NodeLive | undefined): string | undefined {
  if (!stats) return undefined;
  if (stats.replicas > 0 && stats.readyReplicas === 0) return 'down';
  return HEALTH_WORD[errorHealth(stats.errorRate, Math.max(stats.arrivalsPerS, stats.throughputPerS))];
}

/** The same word for a client, judged by the answers it got. */
export function clientHealthWord(stats: ClientLive | undefined): string | undefined {
  return stats ? HEALTH_WORD[errorHealth(stats.errorRate, stats.rps)] : undefined;
}
