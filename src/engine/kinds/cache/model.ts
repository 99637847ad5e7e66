import type { Rng } from '../../core/rng';
import { LruEntries } from './lru';
import { ZipfKeys } from './zipf';

/** What decides whether a lookup hits (the node's fields, resolved). */
export interface CacheSettings {
  /** A fixed share of lookups that hit once the cache is warm; when set, keys and zipfS are not used. */
  hitRatio?: number;
  keys: number;
  zipfS: number;
  /** Entries the cache holds (its maxmemory, counted in entries). */
  capacity: number;
  /** Time to live of an entry from its fill (ms); undefined: no expiry. */
  ttlMs?: number;
  /** Whether the run starts with a full cache (else cold, as after a restart). */
  warmAtStart: boolean;
}

/**
 * Whether each lookup hits, and what a miss fills. Two ways to say how often it hits:
 *
 * - **Key popularity** (the default): every lookup asks for a key drawn from a Zipf law over
 *   `keys`; the cache holds at most `capacity` of them (LRU) for `ttlMs` each. The hit ratio
 *   is not a setting but an outcome, and after a flush it recovers as the popular keys come
 *   back.
 * - **A given `hitRatio`**: a warm cache hits with that probability. After a flush it holds
 *   `filled` of its `capacity` entries, each miss fills one, and a lookup hits with
 *   probability hitRatio × filled / capacity: a linear warm-up over `capacity` misses.
 *
 * Pure: no engine state; the caller passes the time and the generator.
 */
export class CacheModel {
  private readonly zipf: ZipfKeys | null;
  private readonly entries: LruEntries | null;
  /** Given-ratio mode: entries filled since the last flush, up to capacity. */
  private filled = 0;
  private directEvictions = 0;
  hits = 0;
  misses = 0;
  flushes = 0;

  constructor(readonly s: CacheSettings, now = 0, rng?: Rng) {
    if (s.hitRatio !== undefined) {
      this.zipf = null;
      this.entries = null;
      this.filled = s.warmAtStart ? s.capacity : 0;
      return;
    }
    this.zipf = new ZipfKeys(s.keys, s.zipfS);
    this.entries = new LruEntries(s.keys, Math.min(s.capacity, s.keys));
    if (s.warmAtStart) this.prefill(now, rng);
  }

  /** Looks one key up at `now`: -1 on a hit, else the key a miss must fetch and then {@link fill}. */
  lookup(rng: Rng, now: number): number {
    if (this.entries === null) {
      const h = this.s.hitRatio! * (this.s.capacity > 0 ? this.filled / this.s.capacity : 0);
      if (h > 0 && rng.next() < h) {
        this.hits++;
        return -1;
      }
      this.misses++;
      return 0;
    }
    const key = this.zipf!.draw(rng);
    if (this.entries.get(key, now)) {
      this.hits++;
      return -1;
    }
    this.misses++;
    return key;
  }

  /** Stores what a miss fetched. */
  fill(key: number, now: number): void {
    if (this.entries === null) {
      if (this.filled < this.s.capacity) this.filled++;
      else this.directEvictions++;
      return;
    }
    this.entries.set(key, now, this.s.ttlMs === undefined ? Infinity : now + this.s.ttlMs);
  }

  /** Empties the cache: FLUSHALL, or a restart without persistence. */
  flush(): void {
    this.flushes++;
    this.filled = 0;
    this.entries?.clear();
  }

  /** Entries held now (some may have expired and not been noticed yet, as in Redis). */
  get size(): number {
    return this.entries === null ? this.filled : this.entries.size;
  }

  get evictions(): number {
    return this.entries === null ? this.directEvictions : this.entries.evictions;
  }

  get expired(): number {
    return this.entries?.expired ?? 0;
  }

  resetCounters(): void {
    this.hits = this.misses = this.flushes = this.directEvictions = 0;
    if (this.entries) this.entries.evictions = this.entries.expired = 0;
  }

  /**
   * A warm start holds the `capacity` most popular keys, the most popular most recently used.
   * With a TTL their remaining lives are spread uniformly over it (a cache that has been
   * running a while), so they do not all expire at once.
   */
  private prefill(now: number, rng?: Rng): void {
    const e = this.entries!;
    const ttl = this.s.ttlMs;
    for (let k = e.capacity - 1; k >= 0; k--) {
      const left = ttl === undefined ? Infinity : rng ? ttl * (1 - rng.next()) : ttl;
      e.set(k, now, now + left);
    }
  }
}
