import { grownF64, grownI32 } from './grow';

/**
 * The simulator's agenda: a binary min-heap of events keyed by (time, insertion order), so
 * events at the same simulated time run first-in first-out and every run is deterministic
 * (SimPy keys its heap the same way with an event id).
 *
 * Events are four numbers (time, type, a, b) kept in flat typed arrays indexed by a slot id;
 * the heap itself only moves slot ids. Nothing is allocated per event once the arrays have
 * grown to the run's high-water mark.
 */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private types: Int32Array;
  private as: Int32Array;
  private bs: Int32Array;
  private heap: Int32Array;
  private free: Int32Array;
  private freeTop = 0;
  private slots = 0;
  private n = 0;
  private seq = 0;

  /** Fields of the event last returned by {@link pop}. */
  time = 0;
  type = 0;
  a = 0;
  b = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.types = new Int32Array(initialCapacity);
    this.as = new Int32Array(initialCapacity);
    this.bs = new Int32Array(initialCapacity);
    this.heap = new Int32Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the next event, or Infinity when there is none. */
  peekTime(): number {
    return this.n > 0 ? this.times[this.heap[0]] : Infinity;
  }

  push(time: number, type: number, a: number, b: number): void {
    let id: number;
    if (this.freeTop > 0) id = this.free[--this.freeTop];
    else {
      if (this.slots === this.times.length) this.grow();
      id = this.slots++;
    }
    this.times[id] = time;
    this.seqs[id] = this.seq++;
    this.types[id] = type;
    this.as[id] = a;
    this.bs[id] = b;

    const heap = this.heap, times = this.times, seqs = this.seqs;
    let i = this.n++;
    const s = this.seqs[id];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      const pt = times[p];
      if (pt < time || (pt === time && seqs[p] < s)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = id;
  }

  /** Removes the earliest event into {@link time}, {@link type}, {@link a}, {@link b}; false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const heap = this.heap, times = this.times, seqs = this.seqs;
    const top = heap[0];
    this.time = times[top];
    this.type = this.types[top];
    this.a = this.as[top];
    this.b = this.bs[top];
    this.free[this.freeTop++] = top;

    const n = --this.n;
    if (n > 0) {
      const last = heap[n];
      const lt = times[last], ls = seqs[last];
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        let cid = heap[c];
        let ct = times[cid];
        const r = c + 1;
        if (r < n) {
          const rid = heap[r];
          const rt = times[rid];
          if (rt < ct || (rt === ct && seqs[rid] < seqs[cid])) {
            c = r;
            cid = rid;
            ct = rt;
          }
        }
        if (lt < ct || (lt === ct && ls < seqs[cid])) break;
        heap[i] = cid;
        i = c;
      }
      heap[i] = last;
    }
    return true;
  }

  clear(): void {
    this.n = 0;
    this.freeTop = 0;
    this.slots = 0;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const f64 = (old: Float64Array) => grownF64(old, cap);
    const i32 = (old: Int32Array) => grownI32(old, cap);
    this.times = f64(this.times);
    this.seqs = f64(this.seqs);
    this.types = i32(this.types);
    this.as = i32(this.as);
    this.bs = i32(this.bs);
    this.heap = i32(this.heap);
    this.free = i32(this.free);
  }
}
