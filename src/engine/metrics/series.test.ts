import { describe, expect, it } from 'vitest';
import { COARSE_POINTS, FINE_POINTS, SeriesStore } from './series';

const DAY_S = 86_400;

/** Rounded as the store rounds its output (4 decimals). */
const r4 = (v: number) => Math.round(v * 10_000) / 10_000;

/**
 * A store fed one point per simulated second for `seconds` seconds, as the engine's tick does:
 *  - rate: a constant 50 requests in each 1 s period (num = count, den = seconds);
 *  - errors: a ratio that varies, (t mod 7) errors out of (t mod 11) + 10 requests;
 *  - util: a time-weighted mean that varies, (t mod 13) / 13 busy-seconds over 1 s;
 *  - p99: a max channel whose value is a bumpy function of t.
 */
function run(seconds: number) {
  const s = new SeriesStore();
  const ch = { rate: s.addChannel('ratio'), errors: s.addChannel('ratio'), util: s.addChannel('ratio'), p99: s.addChannel('max') };
  const raw = { errNum: [] as number[], errDen: [] as number[], util: [] as number[], p99: [] as number[] };
  for (let t = 0; t < seconds; t++) {
    s.begin(t * 1000);
    const eNum = t % 7, eDen = (t % 11) + 10, u = (t % 13) / 13, p = 10 + ((t * 7919) % 1000) / 10;
    s.set(ch.rate, 50, 1);
    s.set(ch.errors, eNum, eDen);
    s.set(ch.util, u, 1);
    s.set(ch.p99, p, 1);
    raw.errNum.push(eNum);
    raw.errDen.push(eDen);
    raw.util.push(u);
    raw.p99.push(p);
  }
  return { s, ch, raw };
}

describe('SeriesStore', () => {
  it('keeps one point per simulated second for the first hour (3600 points)', () => {
    const { s, ch, raw } = run(FINE_POINTS);
    expect(FINE_POINTS).toBe(3600);
    expect(s.length).toBe(3600);
    const t = s.times();
    expect(t).toHaveLength(3600);
    t.forEach((x, i) => expect(x).toBe(i * 1000));
    expect(s.values(ch.rate).every((v) => v === 50)).toBe(true);
    expect(s.values(ch.errors)).toEqual(raw.errNum.map((n, i) => r4(n / raw.errDen[i])));
    expect(s.values(ch.p99)).toEqual(raw.p99.map(r4));
  });

  it('reads a trailing window as the matching tail of the whole series, fine and coarse', () => {
    for (const seconds of [0, 5, FINE_POINTS, DAY_S]) {
      const { s, ch } = run(seconds);
      const t = s.times();
      for (const fromMs of [-Infinity, 0, 2500, (seconds - 300) * 1000, 3_600_000, 50_000_000, Infinity]) {
        let first = t.length;
        while (first > 0 && t[first - 1] >= fromMs) first--;
        expect(s.firstFrom(fromMs)).toBe(first);
        expect(s.times(first)).toEqual(t.slice(first));
        for (const name of ['rate', 'errors', 'util', 'p99'] as const) expect(s.values(ch[name], first)).toEqual(s.values(ch[name]).slice(first));
      }
    }
  });

  it('a simulated day (86400 ticks) keeps at most 3600 + 1440 points, the first hour still at 1 s', () => {
    const { s, ch } = run(DAY_S);
    expect(s.length).toBeLessThanOrEqual(FINE_POINTS + COARSE_POINTS);
    expect(COARSE_POINTS).toBe(1440);
    const t = s.times();
    expect(t).toHaveLength(s.length);
    for (const name of ['rate', 'errors', 'util', 'p99'] as const) expect(s.values(ch[name])).toHaveLength(s.length);
    // First hour untouched.
    for (let i = 0; i < FINE_POINTS; i++) expect(t[i]).toBe(i * 1000);
    // After it, evenly spaced coarse points that cover the rest of the day and start at 1 h.
    expect(t[FINE_POINTS]).toBe(3_600_000);
    const width = t[FINE_POINTS + 1] - t[FINE_POINTS];
    expect(width).toBeGreaterThan(1000);
    for (let i = FINE_POINTS + 1; i < t.length; i++) expect(t[i] - t[i - 1]).toBe(width);
    expect(t[t.length - 1]).toBeLessThan(DAY_S * 1000);
    expect(t[t.length - 1] + width).toBeGreaterThanOrEqual(DAY_S * 1000);
  });

  it('merges ratio channels exactly and keeps the max of max channels', () => {
    const { s, ch, raw } = run(DAY_S);
    const t = s.times();
    const width = (t[FINE_POINTS + 1] - t[FINE_POINTS]) / 1000;
    const rate = s.values(ch.rate), errors = s.values(ch.errors), util = s.values(ch.util), p99 = s.values(ch.p99);
    for (let i = FINE_POINTS; i < t.length; i++) {
      const from = t[i] / 1000, to = Math.min(DAY_S, from + width);
      let eNum = 0, eDen = 0, u = 0, p = 0;
      for (let k = from; k < to; k++) {
        eNum += raw.errNum[k];
        eDen += raw.errDen[k];
        u += raw.util[k];
        p = Math.max(p, raw.p99[k]);
      }
      // A constant rate stays exactly constant; ratios are sum over sum, not means of means.
      expect(rate[i]).toBe(50);
      expect(errors[i]).toBe(r4(eNum / eDen));
      expect(util[i]).toBe(r4(u / (to - from)));
      expect(p99[i]).toBe(r4(p));
    }
  });

  it('stays bounded for the longest run a scenario allows (31 days) and for odd lengths', () => {
    for (const seconds of [FINE_POINTS + 1, FINE_POINTS + 14_401, 2 * DAY_S + 37, 31 * DAY_S]) {
      const s = new SeriesStore();
      const rate = s.addChannel('ratio'), mx = s.addChannel('max');
      for (let t = 0; t < seconds; t++) {
        s.begin(t * 1000);
        s.set(rate, 20, 1);
        s.set(mx, t, 1);
      }
      expect(s.length).toBeLessThanOrEqual(FINE_POINTS + COARSE_POINTS);
      const values = s.values(rate);
      expect(values.every((v) => v === 20)).toBe(true);
      // The last max point holds the very last second.
      expect(s.values(mx).at(-1)).toBe(seconds - 1);
      const t = s.times();
      for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThan(t[i - 1]);
      expect(t.at(-1)!).toBeLessThanOrEqual((seconds - 1) * 1000);
    }
  });

  it('last() gives the latest value of a channel', () => {
    const s = new SeriesStore();
    const c = s.addChannel('ratio');
    expect(s.length).toBe(0);
    s.begin(0);
    s.set(c, 3, 2);
    expect(s.last(c)).toBe(1.5);
    s.begin(1000);
    s.set(c, 0, 0);
    expect(s.last(c)).toBe(0);
  });
});
