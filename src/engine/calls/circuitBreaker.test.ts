import { describe, expect, it } from 'vitest';
import { BreakerState, CircuitBreaker, breakerStateName, type CircuitBreakerConfig } from './circuitBreaker';

const { CLOSED, OPEN, HALF_OPEN } = BreakerState;

function config(over: Partial<CircuitBreakerConfig> = {}): CircuitBreakerConfig {
  return {
    slidingWindowType: 'COUNT_BASED',
    slidingWindowSize: 10,
    minimumNumberOfCalls: 10,
    failureRateThreshold: 50,
    slowCallRateThreshold: 100,
    slowCallDurationThresholdMs: 60_000,
    waitDurationInOpenStateMs: 1_000,
    permittedNumberOfCallsInHalfOpenState: 3,
    maxWaitDurationInHalfOpenStateMs: 0,
    automaticTransitionFromOpenToHalfOpenEnabled: false,
    failureThreshold: 5,
    ...over,
  };
}

/** Feeds outcomes ('F' failure, 'S' success, 'L' slow success) through acquire+result at t. */
function feed(cb: CircuitBreaker, t: number, outcomes: string): void {
  for (const o of outcomes) {
    expect(cb.tryAcquire(t)).toBe(true);
    cb.onResult(t, o === 'L' ? 70_000 : 5, o === 'F');
  }
}

function tripped(cfg: Partial<CircuitBreakerConfig> = {}, log?: number[][]): CircuitBreaker {
  const cb = new CircuitBreaker(config(cfg), log ? (at, from, to) => log.push([at, from, to]) : undefined);
  feed(cb, 0, 'FFFFFFFFFF');
  expect(cb.state).toBe(OPEN);
  return cb;
}

describe('breakerStateName', () => {
  it('names each code', () => {
    expect([CLOSED, OPEN, HALF_OPEN].map(breakerStateName)).toEqual(['CLOSED', 'OPEN', 'HALF_OPEN']);
    expect(() => breakerStateName(7)).toThrow(RangeError);
  });
});

describe('CircuitBreaker COUNT_BASED', () => {
  it('opens at the 10th result with 5 failures and 5 successes (>= threshold)', () => {
    const cb = new CircuitBreaker(config());
    feed(cb, 0, 'SFSFSFSFS');
    expect(cb.state).toBe(CLOSED);
    expect(cb.failureRate).toBe(-1);
    feed(cb, 0, 'F');
    expect(cb.state).toBe(OPEN);
  });

  it('stays closed with 4 failures and 6 successes', () => {
    const cb = new CircuitBreaker(config());
    feed(cb, 0, 'FFFFSSSSSS');
    expect(cb.state).toBe(CLOSED);
    expect(cb.failureRate).toBe(40);
  });

  it('never opens below the minimum number of calls', () => {
    const cb = new CircuitBreaker(config({ slidingWindowSize: 100, minimumNumberOfCalls: 20 }));
    feed(cb, 0, 'F'.repeat(19));
    expect(cb.state).toBe(CLOSED);
    expect(cb.failureRate).toBe(-1);
    feed(cb, 0, 'F');
    expect(cb.state).toBe(OPEN);
  });

  it('uses min(minimumNumberOfCalls, slidingWindowSize) as the minimum', () => {
    const cb = new CircuitBreaker(config({ slidingWindowSize: 4, minimumNumberOfCalls: 100 }));
    feed(cb, 0, 'SSF');
    expect(cb.state).toBe(CLOSED);
    feed(cb, 0, 'F');
    expect(cb.state).toBe(OPEN);
  });

  it('forgets outcomes that slide out of the window', () => {
    const cb = new CircuitBreaker(config({ slidingWindowSize: 4, minimumNumberOfCalls: 4 }));
    feed(cb, 0, 'FSSS'); // 25 %
    feed(cb, 0, 'SSS'); // the F has slid out: 0 %
    expect(cb.failureRate).toBe(0);
    feed(cb, 0, 'FF'); // SSFF = 50 %
    expect(cb.state).toBe(OPEN);
  });

  it('rejects while open and counts notPermitted', () => {
    const cb = tripped();
    expect(cb.tryAcquire(500)).toBe(false);
    expect(cb.tryAcquire(999)).toBe(false);
    expect(cb.notPermitted).toBe(2);
    expect(cb.state).toBe(OPEN);
  });

  it('goes half-open lazily on the first call after the wait', () => {
    const log: number[][] = [];
    const cb = tripped({}, log);
    cb.poll(5_000); // not automatic: no timer-driven transition
    expect(cb.state).toBe(OPEN);
    expect(cb.nextAutomaticTransitionMs()).toBe(Infinity);
    expect(cb.tryAcquire(5_000)).toBe(true);
    expect(cb.state).toBe(HALF_OPEN);
    expect(log).toEqual([[0, CLOSED, OPEN], [5_000, OPEN, HALF_OPEN]]);
  });

  it('hands out exactly P permits in half-open', () => {
    const cb = tripped({ permittedNumberOfCallsInHalfOpenState: 3 });
    const got = [1, 2, 3, 4, 5].map(() => cb.tryAcquire(1_000));
    expect(got).toEqual([true, true, true, false, false]);
    expect(cb.notPermitted).toBe(2);
    expect(cb.state).toBe(HALF_OPEN);
  });

  it('closes after P results below the threshold, with a fresh window', () => {
    const log: number[][] = [];
    const cb = tripped({ permittedNumberOfCallsInHalfOpenState: 3 }, log);
    for (let i = 0; i < 3; i++) cb.tryAcquire(1_000);
    cb.onResult(1_010, 5, true);
    cb.onResult(1_020, 5, false);
    expect(cb.state).toBe(HALF_OPEN);
    cb.onResult(1_030, 5, false); // 1 of 3 = 33 % < 50 %
    expect(cb.state).toBe(CLOSED);
    expect(cb.bufferedCalls).toBe(0);
    expect(log[log.length - 1]).toEqual([1_030, HALF_OPEN, CLOSED]);
    feed(cb, 1_040, 'F'.repeat(9));
    expect(cb.state).toBe(CLOSED); // old failures are gone: 9 < minimum 10
  });

  it('reopens when the half-open failure rate is at or above the threshold', () => {
    const cb = tripped({ permittedNumberOfCallsInHalfOpenState: 4 });
    for (let i = 0; i < 4; i++) cb.tryAcquire(1_000);
    cb.onResult(1_001, 5, true);
    cb.onResult(1_002, 5, false);
    cb.onResult(1_003, 5, false);
    cb.onResult(1_004, 5, true); // 2 of 4 = 50 %
    expect(cb.state).toBe(OPEN);
    expect(cb.stateSinceMs).toBe(1_004);
    expect(cb.tryAcquire(2_003)).toBe(false); // the wait restarts
    expect(cb.tryAcquire(2_004)).toBe(true);
  });

  it('decides half-open early when minimumNumberOfCalls < P', () => {
    const cb = new CircuitBreaker(config({ minimumNumberOfCalls: 2, slidingWindowSize: 2, permittedNumberOfCallsInHalfOpenState: 10 }));
    feed(cb, 0, 'FF');
    expect(cb.state).toBe(OPEN);
    cb.tryAcquire(1_000);
    cb.tryAcquire(1_000);
    cb.onResult(1_001, 5, false);
    expect(cb.state).toBe(HALF_OPEN);
    cb.onResult(1_002, 5, false);
    expect(cb.state).toBe(CLOSED);
  });

  it('opens on slow calls through slowCallRateThreshold', () => {
    const cb = new CircuitBreaker(config({ slowCallRateThreshold: 60, slowCallDurationThresholdMs: 100 }));
    for (let i = 0; i < 10; i++) {
      cb.tryAcquire(0);
      cb.onResult(0, i < 5 ? 100 : 101, false); // 100 ms is not slow: strictly greater
    }
    expect(cb.state).toBe(CLOSED);
    expect(cb.slowCallRate).toBe(50);
    cb.tryAcquire(0);
    cb.onResult(0, 500, false); // evicts a fast call: 6 slow of 10
    expect(cb.state).toBe(OPEN);
  });

  it('counts slow errors as both failed and slow', () => {
    const cb = new CircuitBreaker(config({ failureRateThreshold: 100, slowCallRateThreshold: 100, slowCallDurationThresholdMs: 1 }));
    for (let i = 0; i < 9; i++) { cb.tryAcquire(0); cb.onResult(0, 5, true); }
    expect(cb.failureRate).toBe(-1);
    cb.tryAcquire(0);
    cb.onResult(0, 5, false); // slow success: 90 % failed, 100 % slow
    expect(cb.state).toBe(OPEN);
  });

  it('ignores results that arrive while open', () => {
    const cb = tripped();
    cb.onResult(10, 5, true);
    cb.onResult(20, 5, false);
    expect(cb.ignoredWhileOpen).toBe(2);
    expect(cb.state).toBe(OPEN);
    expect(cb.stateSinceMs).toBe(0);
  });

  it('hands a half-open permit back on an ignored outcome', () => {
    const cb = tripped({ permittedNumberOfCallsInHalfOpenState: 1 });
    expect(cb.tryAcquire(1_000)).toBe(true);
    expect(cb.tryAcquire(1_000)).toBe(false);
    cb.onIgnored(1_001);
    expect(cb.tryAcquire(1_002)).toBe(true);
  });

  it('schedules and applies the automatic OPEN→HALF_OPEN transition at its due time', () => {
    const log: number[][] = [];
    const cb = tripped({ automaticTransitionFromOpenToHalfOpenEnabled: true }, log);
    expect(cb.nextAutomaticTransitionMs()).toBe(1_000);
    cb.poll(999);
    expect(cb.state).toBe(OPEN);
    cb.poll(1_250); // a late poll still dates the transition at the timer
    expect(cb.state).toBe(HALF_OPEN);
    expect(log[1]).toEqual([1_000, OPEN, HALF_OPEN]);
    expect(cb.nextAutomaticTransitionMs()).toBe(Infinity);
  });

  it('returns from an undecided half-open to open after maxWaitDurationInHalfOpenState', () => {
    const log: number[][] = [];
    const cb = tripped({ maxWaitDurationInHalfOpenStateMs: 500 }, log);
    expect(cb.tryAcquire(2_000)).toBe(true); // HALF_OPEN at 2000, trial never answers
    expect(cb.nextAutomaticTransitionMs()).toBe(2_500);
    cb.poll(2_499);
    expect(cb.state).toBe(HALF_OPEN);
    cb.poll(2_500);
    expect(cb.state).toBe(OPEN);
    expect(log.slice(1)).toEqual([[2_000, OPEN, HALF_OPEN], [2_500, HALF_OPEN, OPEN]]);
    cb.onResult(2_600, 5, false); // the lost trial finally answers: ignored
    expect(cb.state).toBe(OPEN);
    expect(cb.tryAcquire(3_499)).toBe(false);
    expect(cb.tryAcquire(3_500)).toBe(true);
  });

  it('applies a missed maxWait transition before recording a late result', () => {
    const cb = tripped({ maxWaitDurationInHalfOpenStateMs: 500, permittedNumberOfCallsInHalfOpenState: 1 });
    cb.tryAcquire(2_000);
    cb.onResult(2_700, 700, false); // the HALF_OPEN→OPEN timer fired at 2500
    expect(cb.state).toBe(OPEN);
    expect(cb.stateSinceMs).toBe(2_500);
  });
});

describe('CircuitBreaker TIME_BASED', () => {
  const timed = (over: Partial<CircuitBreakerConfig> = {}) =>
    new CircuitBreaker(config({ slidingWindowType: 'TIME_BASED', slidingWindowSize: 5, minimumNumberOfCalls: 4, ...over }));

  it('opens when the calls of the last N seconds reach the thresholds', () => {
    const cb = timed();
    feed(cb, 100, 'F');
    feed(cb, 1_100, 'S');
    feed(cb, 2_100, 'F');
    expect(cb.state).toBe(CLOSED);
    feed(cb, 4_900, 'S'); // 4 calls, 50 %
    expect(cb.state).toBe(OPEN);
  });

  it('drops failures older than slidingWindowSize seconds', () => {
    const cb = timed();
    feed(cb, 0, 'FFF'); // second 0
    feed(cb, 4_999, 'S'); // second 4: window is seconds 0..4, 3 of 4 failed
    expect(cb.state).toBe(OPEN);

    const cb2 = timed();
    feed(cb2, 0, 'FFF');
    feed(cb2, 5_000, 'S'); // second 5: second 0 has expired, 1 call < minimum
    expect(cb2.state).toBe(CLOSED);
    expect(cb2.bufferedCalls).toBe(1);
    feed(cb2, 5_000, 'SSS');
    expect(cb2.failureRate).toBe(0);
  });

  it('clears every bucket after a gap longer than the window', () => {
    const cb = timed();
    feed(cb, 0, 'SFSS');
    feed(cb, 2_000, 'SSS');
    expect(cb.bufferedCalls).toBe(7);
    feed(cb, 1_000_000, 'F');
    expect(cb.bufferedCalls).toBe(1);
  });

  it('may never reach the minimum at low traffic', () => {
    const cb = timed({ minimumNumberOfCalls: 10 });
    for (let t = 0; t < 60_000; t += 1_000) feed(cb, t, 'F');
    expect(cb.state).toBe(CLOSED);
  });
});

describe('CircuitBreaker CONSECUTIVE', () => {
  const consecutive = (log?: number[][]) =>
    new CircuitBreaker(config({ slidingWindowType: 'CONSECUTIVE', failureThreshold: 3, permittedNumberOfCallsInHalfOpenState: 10 }),
      log ? (at, from, to) => log.push([at, from, to]) : undefined);

  it('opens after failureThreshold consecutive failures; a success resets the count', () => {
    const cb = consecutive();
    feed(cb, 0, 'FFSFF');
    expect(cb.state).toBe(CLOSED);
    expect(cb.bufferedCalls).toBe(2);
    feed(cb, 0, 'F');
    expect(cb.state).toBe(OPEN);
    expect(cb.tryAcquire(999)).toBe(false);
  });

  it('lets one trial through; success closes', () => {
    const cb = consecutive();
    feed(cb, 0, 'FFF');
    expect(cb.tryAcquire(1_000)).toBe(true);
    expect(cb.tryAcquire(1_000)).toBe(false);
    cb.onResult(1_050, 50, false);
    expect(cb.state).toBe(CLOSED);
    feed(cb, 1_100, 'FF');
    expect(cb.state).toBe(CLOSED);
  });

  it('a failed trial reopens at once and restarts the wait', () => {
    const log: number[][] = [];
    const cb = consecutive(log);
    feed(cb, 0, 'FFF');
    cb.tryAcquire(1_500);
    cb.onResult(1_600, 100, true);
    expect(cb.state).toBe(OPEN);
    expect(cb.tryAcquire(2_599)).toBe(false);
    expect(cb.tryAcquire(2_600)).toBe(true);
    expect(log).toEqual([[0, CLOSED, OPEN], [1_500, OPEN, HALF_OPEN], [1_600, HALF_OPEN, OPEN], [2_600, OPEN, HALF_OPEN]]);
  });
});
