import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { LruEntries } from './lru';
import { CacheModel } from './model';
import { ZipfKeys } from './zipf';

/**
 * Che's approximation of an LRU cache under independent requests (Che, Tung & Wang 2002;
 * Fricker, Robert & Roberts 2012): the characteristic time T solves
 * sum_k (1 - e^{-p_k T}) = capacity, and the hit ratio is sum_k p_k (1 - e^{-p_k T}).
 */
function cheHitRatio(z: ZipfKeys, capacity: number): number {
  const filled = (t: number) => {
    let s = 0;
    for (let k = 0; k < z.keys; k++) s += 1 - Math.exp(-z.p(k) * t);
    return s;
  };
  let lo = 0, hi = 1;
  while (filled(hi) < capacity) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (filled(mid) < capacity) lo = mid;
    else hi = mid;
  }
  let h = 0;
  for (let k = 0; k < z.keys; k++) h += z.p(k) * (1 - Math.exp(-z.p(k) * lo));
  return h;
}

describe('Zipf key popularity', () => {
  it('draws each key as often as its probability says', () => {
    const z = new ZipfKeys(50, 1);
    const rng = createRng(3);
    const n = 200_000;
    const seen = new Float64Array(50);
    for (let i = 0; i < n; i++) seen[z.draw(rng)]++;
    for (const k of [0, 1, 5, 49]) expect(seen[k] / n).toBeCloseTo(z.p(k), 2);
    // s = 1: key 0 is twice as popular as key 1.
    expect(z.p(0) / z.p(1)).toBeCloseTo(2, 10);
  });
});

describe('LRU entries', () => {
  it('evicts the least recently used, and a read makes an entry recent', () => {
    const c = new LruEntries(10, 2);
    c.set(1, 0, Infinity);
    c.set(2, 0, Infinity);
    expect(c.get(1, 1)).toBe(true);
    c.set(3, 2, Infinity);
    expect([c.get(1, 3), c.get(2, 3), c.get(3, 3)]).toEqual([true, false, true]);
    expect(c.evictions).toBe(1);
  });

  it('an entry expires its TTL after the fill, read or not; the slot is reused', () => {
    const c = new LruEntries(10, 2);
    c.set(1, 0, 100);
    expect(c.get(1, 99)).toBe(true);
    expect(c.get(1, 100)).toBe(false);
    expect(c.expired).toBe(1);
    expect(c.size).toBe(0);
    c.set(2, 100, 200);
    c.set(3, 100, 200);
    c.set(4, 250, 300);
    // The pushed-out entry had already expired: counted as expired, not as an eviction.
    expect(c.expired).toBe(2);
    expect(c.evictions).toBe(0);
  });

  it('a flush empties it', () => {
    const c = new LruEntries(10, 3);
    for (const k of [1, 2, 3]) c.set(k, 0, Infinity);
    c.clear();
    expect(c.size).toBe(0);
    expect([1, 2, 3].some((k) => c.get(k, 1))).toBe(false);
    c.set(4, 1, Infinity);
    expect(c.get(4, 2)).toBe(true);
  });
});

describe('cache model against theory', () => {
  // Time only moves forward, across the runs of one test too (entries remember when they expire).
  let now = 0;
  const run = (m: CacheModel, lookups: number, rng = createRng(11), rate = 1) => {
    let hits = 0;
    for (let i = 0; i < lookups; i++) {
      now += -Math.log(1 - rng.next()) / rate;
      const key = m.lookup(rng, now);
      if (key < 0) hits++;
      else m.fill(key, now);
    }
    return hits / lookups;
  };

  it('LRU without TTL hits as often as Che\'s approximation predicts', () => {
    for (const [s, capacity] of [[0.8, 100], [1.0, 50], [0.6, 300]]) {
      const m = new CacheModel({ keys: 1000, zipfS: s, capacity, warmAtStart: true });
      run(m, 20_000);
      m.resetCounters();
      const measured = run(m, 200_000);
      expect(Math.abs(measured - cheHitRatio(new ZipfKeys(1000, s), capacity))).toBeLessThan(0.01);
      expect(m.hits / (m.hits + m.misses)).toBeCloseTo(measured, 10);
    }
  });

  it('a TTL alone (room for every key): key k hits with probability lambda_k T / (1 + lambda_k T)', () => {
    // Each key is a renewal process: a miss fills it, the requests of the next T all hit.
    const z = new ZipfKeys(500, 1);
    const rate = 0.5; // lookups per ms
    const ttl = 20;
    let expected = 0;
    for (let k = 0; k < z.keys; k++) {
      const x = rate * z.p(k) * ttl;
      expected += z.p(k) * (x / (1 + x));
    }
    const m = new CacheModel({ keys: 500, zipfS: 1, capacity: 500, ttlMs: ttl, warmAtStart: false });
    run(m, 20_000, createRng(5), rate);
    const measured = run(m, 300_000, createRng(6), rate);
    expect(Math.abs(measured - expected)).toBeLessThan(0.01);
    expect(m.evictions).toBe(0);
  });

  it('a given hit ratio holds when warm, and a flush restarts it from zero, recovering over capacity misses', () => {
    const m = new CacheModel({ hitRatio: 0.9, keys: 1, zipfS: 1, capacity: 200, warmAtStart: true });
    expect(run(m, 100_000)).toBeCloseTo(0.9, 2);
    m.flush();
    expect(m.size).toBe(0);
    expect(m.lookup(createRng(1), 0)).toBe(0);
    // Warm again after 200 fills.
    for (let i = 0; i < 200; i++) m.fill(0, 0);
    expect(m.size).toBe(200);
    expect(run(m, 100_000, createRng(9))).toBeCloseTo(0.9, 2);
  });

  it('a cold start misses first, a warm one holds the most popular keys', () => {
    const cold = new CacheModel({ keys: 100, zipfS: 1, capacity: 10, warmAtStart: false });
    expect(cold.size).toBe(0);
    const warm = new CacheModel({ keys: 100, zipfS: 1, capacity: 10, warmAtStart: true });
    expect(warm.size).toBe(10);
    const rng = createRng(2);
    let firstHits = 0;
    for (let i = 0; i < 50; i++) if (cold.lookup(rng, now + i) < 0) firstHits++;
    expect(firstHits).toBe(0);
  });
});
