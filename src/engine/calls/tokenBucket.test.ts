import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { TokenBucket } from './tokenBucket';

describe('TokenBucket', () => {
  it('admits rate × T + burst under overload (within 1)', () => {
    for (const [rate, burst, offered] of [[10, 20, 37], [100, 5, 250], [3.3, 5, 50], [0.5, 2, 7]] as const) {
      const b = new TokenBucket({ tokensPerSecond: rate, burst });
      const seconds = 1_000;
      const gap = 1000 / offered;
      let n = 0;
      for (let t = 0; t <= seconds * 1000; t += gap) if (b.tryTake(t)) n++;
      expect(Math.abs(n - (rate * seconds + burst))).toBeLessThanOrEqual(1);
      expect(b.admitted).toBe(n);
    }
  });

  it('loses refill that arrives while the bucket is full (rate × T + burst is an upper bound)', () => {
    // burst 1, a token every 10 ms, arrivals every 4 ms: at t=12 the bucket would hold 1.2
    // but caps at 1, so it admits one request every 12 ms instead of every 10.
    const b = new TokenBucket({ tokensPerSecond: 100, burst: 1 });
    let n = 0;
    for (let t = 0; t <= 1_000_000; t += 4) if (b.tryTake(t)) n++;
    expect(n).toBe(Math.floor(1_000_000 / 12) + 1);
  });

  it('admits a burst of up to `burst` at once, then refuses', () => {
    const b = new TokenBucket({ tokensPerSecond: 10, burst: 25 });
    const got = Array.from({ length: 30 }, () => b.tryTake(1_000));
    expect(got.filter(Boolean).length).toBe(25);
    expect(got.slice(25).every((x) => !x)).toBe(true);
    expect(b.rejected).toBe(5);
    expect(b.tryTake(1_099)).toBe(false);
    expect(b.tryTake(1_100)).toBe(true); // one token per 100 ms
    expect(b.nextTokenAtMs(1_100)).toBeCloseTo(1_200, 9);
  });

  it('admits all traffic below the rate, even Poisson-bursty traffic within the burst', () => {
    const b = new TokenBucket({ tokensPerSecond: 100, burst: 50 });
    const rng = createRng(1);
    let t = 0;
    for (let i = 0; i < 100_000; i++) {
      t += -Math.log(1 - rng.next()) * (1000 / 50); // 50 rps
      expect(b.tryTake(t)).toBe(true);
    }
    expect(b.rejected).toBe(0);
  });

  it('admits a steady stream exactly at the rate', () => {
    const b = new TokenBucket({ tokensPerSecond: 10, burst: 1 });
    let ok = 0;
    for (let i = 1; i <= 10_000; i++) if (b.tryTake(i * 100)) ok++;
    expect(ok).toBe(10_000);
  });

  it('never stores more than burst tokens', () => {
    const b = new TokenBucket({ tokensPerSecond: 1_000, burst: 3 });
    expect(b.available(1e9)).toBe(3);
  });

  it('rejects nonsense settings', () => {
    expect(() => new TokenBucket({ tokensPerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ tokensPerSecond: 1, burst: 0 })).toThrow(RangeError);
  });
});
