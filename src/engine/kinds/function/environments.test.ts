import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { LambdaBill } from './billing';
import { ENV_COLD, ENV_PROVISIONED, ENV_THROTTLED, ENV_WARM, EnvironmentPool } from './environments';

/** Erlang's loss formula: the share of arrivals that find all c servers busy at offered load a. */
function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Drives a pool with Poisson arrivals (rate per ms) and exponential durations (mean ms), as an
 * event loop over arrivals and a sorted list of completions.
 */
function drive(pool: EnvironmentPool, n: number, rate: number, meanMs: number, seed = 1) {
  const rng = createRng(seed);
  const ends: { t: number; kind: number }[] = [];
  let now = 0;
  let throttled = 0;
  for (let i = 0; i < n; i++) {
    now += -Math.log(1 - rng.next()) / rate;
    ends.sort((a, b) => a.t - b.t);
    while (ends.length > 0 && ends[0].t <= now) {
      const e = ends.shift()!;
      pool.release(e.kind, e.t);
    }
    const kind = pool.acquire(now);
    if (kind === ENV_THROTTLED) throttled++;
    else ends.push({ t: now - meanMs * Math.log(1 - rng.next()), kind });
  }
  return throttled / n;
}

describe('execution environments against theory', () => {
  it('with no idle timeout a cold start is paid only when concurrency grows past its peak', () => {
    const pool = new EnvironmentPool(1000, 0, Infinity);
    drive(pool, 20_000, 0.2, 40);
    expect(pool.coldStarts).toBe(pool.peakConcurrency);
    expect(pool.coldStarts).toBeGreaterThan(8);
    expect(pool.warmStarts + pool.coldStarts).toBe(20_000);
  });

  it('beyond the concurrency limit invocations are throttled as Erlang B says (a loss system)', () => {
    // Provisioned = limit: every environment is warm, so an invocation holds one for its duration only.
    const pool = new EnvironmentPool(10, 10, Infinity);
    const share = drive(pool, 200_000, 0.2, 40);
    expect(Math.abs(share - erlangB(10, 8))).toBeLessThan(0.006);
    expect(pool.throttles / 200_000).toBeCloseTo(share, 10);
    expect(pool.coldStarts).toBe(0);
  });

  it('one environment idle longer than the timeout is reclaimed: P(cold) = e^(-lambda T) for short invocations', () => {
    const pool = new EnvironmentPool(1000, 0, 100);
    drive(pool, 100_000, 0.01, 0.001);
    expect(pool.coldStarts / 100_000).toBeCloseTo(Math.exp(-1), 2);
  });

  it('reuses the most recently used environment, so the oldest idle one ages out', () => {
    const pool = new EnvironmentPool(10, 0, 100);
    expect(pool.acquire(0)).toBe(ENV_COLD);
    expect(pool.acquire(0)).toBe(ENV_COLD);
    pool.release(ENV_COLD, 0);
    pool.release(ENV_COLD, 50);
    expect(pool.acquire(60)).toBe(ENV_WARM);
    pool.release(ENV_WARM, 70);
    pool.reclaim(100);
    // The one idle since 0 is gone; the one used at 60 (idle since 70) stays. Least recently
    // used reuse would have kept both alive.
    expect(pool.idle).toBe(1);
    expect(pool.reclaimed).toBe(1);
    expect(pool.nextReclaimMs()).toBe(170);
  });

  it('provisioned environments are used first and never reclaimed; a zero limit throttles everything', () => {
    const pool = new EnvironmentPool(3, 2, 10);
    expect([pool.acquire(0), pool.acquire(0), pool.acquire(0), pool.acquire(0)]).toEqual([ENV_PROVISIONED, ENV_PROVISIONED, ENV_COLD, ENV_THROTTLED]);
    pool.release(ENV_PROVISIONED, 1);
    pool.release(ENV_PROVISIONED, 1);
    pool.release(ENV_COLD, 1);
    pool.reclaim(1000);
    expect(pool.environments).toBe(2);
    expect(new EnvironmentPool(0, 0, 10).acquire(0)).toBe(ENV_THROTTLED);
  });
});

describe('Lambda billing', () => {
  it('a million 100 ms invocations at 1024 MB cost $0.20 of requests and 100,000 GB-s', () => {
    const bill = new LambdaBill(1024, 0);
    for (let i = 0; i < 1_000_000; i++) bill.invoke(100, false);
    expect(bill.totalAt(0)).toBeCloseTo(0.2 + 100_000 * 0.0000166667, 8);
  });

  it('rounds each duration up to the millisecond and charges provisioned concurrency by the second', () => {
    const bill = new LambdaBill(512, 0);
    bill.invoke(1.2, false);
    expect(bill.billedMs).toBe(2);
    const prov = new LambdaBill(2048, 5);
    // 5 environments of 2 GB for an hour.
    expect(prov.totalAt(3_600_000)).toBeCloseTo(3600 * 5 * 2 * 0.0000041667, 8);
  });
});
