import { grownF64, grownI32, grownU8 } from '../core/grow';

/** A message slot's state. */
export const M_FREE = 0;
export const M_VISIBLE = 1;
export const M_IN_FLIGHT = 2;

/**
 * The messages a channel holds, in slots of flat typed arrays reused through a free list, so
 * that publishing and delivering allocate nothing once the arrays have grown. A doubly linked
 * list keeps them in arrival order: its head is the oldest message (its age is the "oldest
 * message age" metric), and any message unlinks from it in O(1). What the messages mean
 * (visibility, receipts, dead letters) is the channel's.
 */
export class MessageStore {
  private cap = 0;
  publishedAt = new Float64Array(0);
  /** While in flight (at-least-once): when the message becomes visible again. */
  visibleAt = new Float64Array(0);
  receiveCount = new Int32Array(0);
  receipts = new Int32Array(0);
  /** M_* above. */
  state = new Uint8Array(0);
  /** The client and path of the request that published it, carried on to the consumer. */
  client = new Int32Array(0);
  path = new Int32Array(0);
  private prev = new Int32Array(0);
  private next = new Int32Array(0);
  private free = new Int32Array(0);
  private freeTop = 0;
  private used = 0;
  /** The oldest message held, -1 when none. */
  oldest = -1;
  private newest = -1;

  constructor(initial: number) {
    this.grow(initial);
  }

  /** A new visible message, the newest; returns its slot. */
  add(now: number, client: number, path: number): number {
    let m: number;
    if (this.freeTop > 0) m = this.free[--this.freeTop];
    else {
      if (this.used === this.cap) this.grow(this.cap * 2);
      m = this.used++;
    }
    this.publishedAt[m] = now;
    this.receiveCount[m] = 0;
    this.receipts[m] = 0;
    this.state[m] = M_VISIBLE;
    this.client[m] = client;
    this.path[m] = path;
    this.prev[m] = this.newest;
    this.next[m] = -1;
    if (this.newest >= 0) this.next[this.newest] = m;
    else this.oldest = m;
    this.newest = m;
    return m;
  }

  /** Unlinks message m and frees its slot (its receipt no longer matches any delivery). */
  delete(m: number): void {
    const p = this.prev[m], q = this.next[m];
    if (p >= 0) this.next[p] = q;
    else this.oldest = q;
    if (q >= 0) this.prev[q] = p;
    else this.newest = p;
    this.state[m] = M_FREE;
    this.receipts[m] = 0;
    this.free[this.freeTop++] = m;
  }

  private grow(cap: number): void {
    const f64 = (a: Float64Array) => grownF64(a, cap);
    const i32 = (a: Int32Array) => grownI32(a, cap);
    this.publishedAt = f64(this.publishedAt);
    this.visibleAt = f64(this.visibleAt);
    this.receiveCount = i32(this.receiveCount);
    this.receipts = i32(this.receipts);
    this.state = grownU8(this.state, cap);
    this.client = i32(this.client);
    this.path = i32(this.path);
    this.prev = i32(this.prev);
    this.next = i32(this.next);
    this.free = i32(this.free);
    this.cap = cap;
  }
}
