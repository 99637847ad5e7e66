import type { KindDeploy } from '../deploy';
import type { CacheNode } from './schema';

/** A cache is Redis, used cache-aside by the application. */
export const cacheDeploy: KindDeploy<CacheNode> = {
  runtime: () => 'redis',
  notes: (n) => [`Cache-aside: ${n.hitRatio !== undefined ? `${Math.round(n.hitRatio * 100)}% of lookups hit when warm` : `${n.keys} keys (Zipf s=${n.zipfS})`}, ${n.capacity} entries (maxmemory-policy allkeys-lru)${n.ttlMs !== undefined ? `, each set with PX ${n.ttlMs}` : ''}. The application reads it first and fills it on a miss.`],
};
