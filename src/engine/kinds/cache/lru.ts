/**
 * The entries of a cache: at most `capacity` keys out of `keys`, evicted least recently used
 * first, each expiring `ttl` after it was written (Redis's `SET key value PX ttl` on a fill;
 * a read does not extend it). Redis samples a few keys to approximate LRU
 * (`maxmemory-policy allkeys-lru`); this is exact LRU, which Redis approaches with a larger
 * `maxmemory-samples`.
 *
 * Everything lives in typed arrays indexed by slot (0..capacity-1) plus one key -> slot
 * table, with the recency list threaded through `prev`/`next`: a lookup or a fill moves
 * pointers and allocates nothing.
 */
export class LruEntries {
  /** Slot of each key, -1 when the key is not held. */
  private readonly slotOf: Int32Array;
  private readonly keyAt: Int32Array;
  private readonly expiresAt: Float64Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  /** Most and least recently used slots, -1 when empty. */
  private head = -1;
  private tail = -1;
  /** Slots never used yet are handed out in order; freed ones (expired, flushed) are reused first. */
  private readonly freeSlots: Int32Array;
  private freeTop = 0;
  private used = 0;
  size = 0;
  /** Entries pushed out to make room (they had not expired), and entries found or pushed out expired. */
  evictions = 0;
  expired = 0;

  constructor(keys: number, readonly capacity: number) {
    this.slotOf = new Int32Array(keys).fill(-1);
    this.keyAt = new Int32Array(capacity);
    this.expiresAt = new Float64Array(capacity);
    this.prev = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
  }

  /** Whether `key` is held and fresh at `now`; a hit becomes the most recently used. An expired entry is dropped. */
  get(key: number, now: number): boolean {
    const s = this.slotOf[key];
    if (s < 0) return false;
    if (this.expiresAt[s] <= now) {
      this.expired++;
      this.remove(s);
      return false;
    }
    if (s !== this.head) {
      this.unlink(s);
      this.pushFront(s);
    }
    return true;
  }

  /** Writes `key` at `now`, fresh until `expiresAt` (Infinity: never), evicting the least recently used when full. */
  set(key: number, now: number, expiresAt: number): void {
    let s = this.slotOf[key];
    if (s >= 0) {
      // Two misses of the same key both fill it (a stampede): the second write refreshes it.
      this.expiresAt[s] = expiresAt;
      if (s !== this.head) {
        this.unlink(s);
        this.pushFront(s);
      }
      return;
    }
    if (this.capacity === 0) return;
    if (this.size === this.capacity) {
      const victim = this.tail;
      if (this.expiresAt[victim] <= now) this.expired++;
      else this.evictions++;
      this.remove(victim);
    }
    s = this.freeTop > 0 ? this.freeSlots[--this.freeTop] : this.used++;
    this.slotOf[key] = s;
    this.keyAt[s] = key;
    this.expiresAt[s] = expiresAt;
    this.pushFront(s);
    this.size++;
  }

  /** Empties the cache (FLUSHALL, or a restart without persistence). */
  clear(): void {
    for (let s = this.head; s >= 0; s = this.next[s]) this.slotOf[this.keyAt[s]] = -1;
    this.head = this.tail = -1;
    this.size = this.used = this.freeTop = 0;
  }

  private remove(s: number): void {
    this.unlink(s);
    this.slotOf[this.keyAt[s]] = -1;
    this.freeSlots[this.freeTop++] = s;
    this.size--;
  }

  private unlink(s: number): void {
    const p = this.prev[s], n = this.next[s];
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
  }

  private pushFront(s: number): void {
    this.prev[s] = -1;
    this.next[s] = this.head;
    if (this.head >= 0) this.prev[this.head] = s;
    this.head = s;
    if (this.tail < 0) this.tail = s;
  }
}
