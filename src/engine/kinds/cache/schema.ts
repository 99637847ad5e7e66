import { z } from 'zod';
import { distributionSchema } from '../../core/distributions';
import { MAX_DURATION_MS } from '../../core/units';
import { count, nodeBaseShape } from '../common';

/**
 * A cache in front of a service or a database, used cache-aside as Redis is: a lookup that
 * hits answers in `hitTimeMs`; a miss calls through the cache's edges (the origin), stores
 * the answer and then answers. How often it hits is either given (`hitRatio`) or follows from
 * key popularity: a Zipf law with exponent `zipfS` over `keys`, of which the cache holds
 * `capacity` (least recently used evicted first), each for `ttlMs` from its fill.
 */
export const cacheSchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('cache'),
  hitRatio: z.number({ error: 'hitRatio must be a number' }).min(0, 'hitRatio must be >= 0').max(1, 'hitRatio must be <= 1 (a fraction)').optional()
    .describe('Share of lookups that hit once warm; leave empty to let it follow from keys, zipfS, capacity and ttlMs'),
  keys: count('keys', 1, 1_000_000).default(10_000).describe('Distinct keys callers ask for'),
  zipfS: z.number({ error: 'zipfS must be a number' }).min(0, 'zipfS must be >= 0').max(5, 'zipfS must be <= 5').default(1)
    .describe('Zipf exponent of key popularity: 0 every key alike, 1 typical of web traffic, higher a few hot keys'),
  capacity: count('capacity', 0, 1_000_000).default(1_000).describe('Entries the cache holds (maxmemory, in entries); beyond it the least recently used is evicted'),
  ttlMs: z.number({ error: 'ttlMs must be a number' }).positive('ttlMs must be > 0').max(MAX_DURATION_MS).optional()
    .describe('How long an entry lives after its fill (ms); empty: until evicted'),
  hitTimeMs: distributionSchema.default(1).describe('Time of one lookup (ms): a hit answers after it, a miss calls through after it'),
  warmAtStart: z.boolean().default(true).describe('Start full (as a cache that has been running), or empty (a cold start)'),
});

export type CacheNode = z.output<typeof cacheSchema>;
