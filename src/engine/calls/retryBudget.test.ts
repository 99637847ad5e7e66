import { describe, expect, it } from 'vitest';
import { RetryBudget } from './retryBudget';

/** Runs `rps` original calls per second for `seconds`, every one failing and wanting `retriesEach` retries. */
function steadyFailingRun(budget: RetryBudget, rps: number, seconds: number, retriesEach: number) {
  let requests = 0, allowed = 0, maxInWindow = 0;
  const gap = 1000 / rps;
  for (let t = 0; t < seconds * 1000; t += gap) {
    budget.deposit(t);
    requests++;
    for (let k = 1; k <= retriesEach; k++) {
      if (budget.tryWithdraw(t + k)) allowed++;
      maxInWindow = Math.max(maxInWindow, budget.retriesInWindow);
    }
  }
  return { requests, allowed, maxInWindow };
}

describe('RetryBudget', () => {
  it('allows about percent of requests plus the minimum in a long all-failing run', () => {
    const budget = new RetryBudget({ percent: 20, minRetriesPerSecond: 10, ttlMs: 10_000 });
    const seconds = 600;
    const r = steadyFailingRun(budget, 100, seconds, 2);
    const expected = 0.2 * r.requests + 10 * seconds; // 30 retries/s
    expect(r.allowed / expected).toBeGreaterThan(0.98);
    expect(r.allowed / expected).toBeLessThan(1.02);
    expect(r.maxInWindow).toBeLessThanOrEqual(0.2 * 1000 + 100);
    expect(budget.denied).toBe(2 * r.requests - r.allowed);
  });

  it('with percent 0 allows only minRetriesPerSecond × ttl per window', () => {
    const budget = new RetryBudget({ percent: 0, minRetriesPerSecond: 5, ttlMs: 10_000 });
    const r = steadyFailingRun(budget, 50, 300, 3);
    expect(r.maxInWindow).toBe(50);
    expect(Math.abs(r.allowed - 5 * 300)).toBeLessThanOrEqual(50);
  });

  it('lets withdrawn retries expire after ttl', () => {
    const budget = new RetryBudget({ percent: 0, minRetriesPerSecond: 5, ttlMs: 10_000 });
    let ok = 0;
    for (let i = 0; i < 60; i++) if (budget.tryWithdraw(0)) ok++;
    expect(ok).toBe(50);
    expect(budget.tryWithdraw(9_999)).toBe(false);
    expect(budget.tryWithdraw(10_000)).toBe(true); // the bucket of t=0 has expired
    expect(budget.retriesInWindow).toBe(1);
  });

  it('lets deposits expire after ttl', () => {
    const budget = new RetryBudget({ percent: 20, minRetriesPerSecond: 0, ttlMs: 10_000 });
    for (let i = 0; i < 100; i++) budget.deposit(500);
    expect(budget.available(500)).toBe(20);
    expect(budget.requestsInWindow).toBe(100);
    expect(budget.available(9_999)).toBe(20);
    expect(budget.available(10_000)).toBe(0);
    expect(budget.tryWithdraw(10_000)).toBe(false);
    expect(budget.requestsInWindow).toBe(0);
  });

  it('allows exactly floor(percent × requests) despite float rounding', () => {
    const budget = new RetryBudget({ percent: 20, minRetriesPerSecond: 0, ttlMs: 10_000 });
    for (let i = 0; i < 15; i++) budget.deposit(0);
    const got = [1, 2, 3, 4].map(() => budget.tryWithdraw(1));
    expect(got).toEqual([true, true, true, false]);
    const b29 = new RetryBudget({ percent: 29, minRetriesPerSecond: 0 });
    for (let i = 0; i < 100; i++) b29.deposit(0);
    let n = 0;
    while (b29.tryWithdraw(0)) n++;
    expect(n).toBe(29);
  });

  it('clears the whole window after a long gap', () => {
    const budget = new RetryBudget({ percent: 50, minRetriesPerSecond: 0, ttlMs: 1_000 });
    for (let t = 0; t < 1_000; t += 10) budget.deposit(t);
    expect(budget.requestsInWindow).toBe(100);
    budget.deposit(1e9);
    expect(budget.requestsInWindow).toBe(1);
  });
});
