import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';
import { createRng } from './rng';

interface Ev {
  time: number;
  seq: number;
  type: number;
  a: number;
  b: number;
}

/** Everything pop() exposes, as a plain object. */
function popOne(q: EventQueue): Omit<Ev, 'seq'> | null {
  if (!q.pop()) return null;
  return { time: q.time, type: q.type, a: q.a, b: q.b };
}

function drain(q: EventQueue): Omit<Ev, 'seq'>[] {
  const out: Omit<Ev, 'seq'>[] = [];
  for (let e = popOne(q); e; e = popOne(q)) out.push(e);
  return out;
}

/** The obvious agenda: an array kept sorted by (time, insertion order). */
class SortedReference {
  private items: Ev[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, type: number, a: number, b: number): void {
    const e = { time, seq: this.seq++, type, a, b };
    // First index whose item must come after e: later time, or same time (e is the newest).
    let lo = 0, hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].time <= time) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, e);
  }

  peekTime(): number {
    return this.items.length ? this.items[0].time : Infinity;
  }

  pop(): Omit<Ev, 'seq'> | null {
    const e = this.items.shift();
    return e ? { time: e.time, type: e.type, a: e.a, b: e.b } : null;
  }
}

describe('EventQueue', () => {
  it('is empty to start with: size 0, peekTime Infinity, pop false', () => {
    const q = new EventQueue();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBe(false);
  });

  it('pops in time order whatever the push order, with every field intact', () => {
    const q = new EventQueue();
    const times = [50, 10, 40, 0, 30, 20, 0.5, 1e9, 7.25];
    times.forEach((t, i) => q.push(t, i + 1, i * 10, 100 - i));
    expect(q.size).toBe(times.length);
    expect(q.peekTime()).toBe(0);
    const out = drain(q);
    expect(out.map((e) => e.time)).toEqual([...times].sort((x, y) => x - y));
    for (const e of out) {
      const i = times.indexOf(e.time);
      expect(e).toEqual({ time: times[i], type: i + 1, a: i * 10, b: 100 - i });
    }
    expect(q.size).toBe(0);
  });

  it('runs events at the same simulated time first-in first-out', () => {
    const q = new EventQueue();
    // Three bursts at the same instants, interleaved, so the heap has to reorder them.
    for (let i = 0; i < 300; i++) q.push([5, 1, 3][i % 3], 0, i, 0);
    const out = drain(q);
    for (const t of [1, 3, 5]) {
      const order = out.filter((e) => e.time === t).map((e) => e.a);
      expect(order).toHaveLength(100);
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
    expect(out.map((e) => e.time)).toEqual([...Array(100).fill(1), ...Array(100).fill(3), ...Array(100).fill(5)]);
  });

  it('keeps FIFO among equal times for events pushed after earlier ones were popped', () => {
    const q = new EventQueue();
    q.push(10, 0, 1, 0);
    q.push(10, 0, 2, 0);
    q.push(5, 0, 0, 0);
    expect(popOne(q)?.a).toBe(0);
    q.push(10, 0, 3, 0); // reuses the slot just freed: must still come after 1 and 2
    q.push(10, 0, 4, 0);
    expect(drain(q).map((e) => e.a)).toEqual([1, 2, 3, 4]);
  });

  it('matches a sorted reference on 100k random interleaved pushes and pops', () => {
    const rng = createRng(2024);
    const q = new EventQueue(8);
    const ref = new SortedReference();
    let now = 0;
    let pops = 0;
    for (let op = 0; op < 100_000; op++) {
      // Slightly more pushes than pops so the agenda grows to a few thousand events.
      if (rng.next() < 0.55 || ref.size === 0) {
        // Like a simulation: events in the future of the last popped one, often at the
        // very same instant (zero latency) or on a coarse grid (many ties).
        const r = rng.next();
        const t = r < 0.2 ? now : r < 0.6 ? now + Math.floor(rng.next() * 20) : now + rng.next() * 1000;
        const type = Math.floor(rng.next() * 16);
        const a = Math.floor(rng.next() * 2 ** 31);
        const b = Math.floor(rng.next() * 1000) - 500;
        q.push(t, type, a, b);
        ref.push(t, type, a, b);
      } else {
        const got = popOne(q);
        const want = ref.pop();
        expect(got).toEqual(want);
        now = want!.time;
        pops++;
      }
      if (q.size !== ref.size || q.peekTime() !== ref.peekTime()) {
        throw new Error(`diverged at operation ${op}: size ${q.size} vs ${ref.size}, next ${q.peekTime()} vs ${ref.peekTime()}`);
      }
    }
    expect(pops).toBeGreaterThan(40_000);
    expect(drain(q)).toEqual(drainRef(ref));
  });

  it('grows far beyond its initial capacity without losing or reordering events', () => {
    const q = new EventQueue(2);
    const n = 20_000;
    // Pushed in decreasing time order: every push sifts to the root.
    for (let i = n - 1; i >= 0; i--) q.push(i, i % 7, i, n - i);
    expect(q.size).toBe(n);
    const out = drain(q);
    expect(out).toHaveLength(n);
    out.forEach((e, i) => expect(e).toEqual({ time: i, type: i % 7, a: i, b: n - i }));
  });

  it('can be cleared and reused', () => {
    const q = new EventQueue(4);
    for (let i = 0; i < 100; i++) q.push(100 - i, 0, i, 0);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBe(false);
    q.push(3, 1, 30, 0);
    q.push(1, 1, 10, 0);
    q.push(2, 1, 20, 0);
    expect(drain(q).map((e) => e.a)).toEqual([10, 20, 30]);
  });
});

function drainRef(ref: SortedReference): Omit<Ev, 'seq'>[] {
  const out: Omit<Ev, 'seq'>[] = [];
  for (let e = ref.pop(); e; e = ref.pop()) out.push(e);
  return out;
}
