import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BackoffConfig } from './backoff';
import { CircuitBreaker, type CircuitBreakerConfig } from './circuitBreaker';
import type { RetryBudgetConfig } from './retryBudget';
import type { TokenBucketConfig } from './tokenBucket';
import {
  bulkheadSchema, circuitBreakerSchema, fallbackSchema, rateLimitSchema, retrySchema, retryShape,
  type RateLimitSettings,
} from './resilienceSchema';

/** The issues of a failed parse, as [path, message] pairs. */
function issues(schema: z.ZodType, value: unknown): [string, string][] {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('retrySchema', () => {
  it('fills AWS defaults (the wait doubles, full jitter) unless told otherwise', () => {
    const r = retrySchema.parse({});
    expect(r).toEqual({ follows: 'aws', maxAttempts: 3, backoffMs: 500, maxBackoffMs: 20_000, retryOn: ['error', 'timeout'] });
    expect(retryShape(r)).toEqual({ multiplier: 2, jitter: 'full' });
  });

  it("follows Resilience4j's defaults on request: a fixed 500 ms wait, no jitter", () => {
    const r = retrySchema.parse({ follows: 'resilience4j' });
    expect(r).toMatchObject({ maxAttempts: 3, backoffMs: 500 });
    expect(retryShape(r)).toEqual({ multiplier: 1, jitter: 'none' });
    // Its exponential backoff is opt-in: a multiplier given is kept.
    expect(retryShape(retrySchema.parse({ follows: 'resilience4j', multiplier: 1.5 }))).toEqual({ multiplier: 1.5, jitter: 'none' });
  });

  it('fills Finagle defaults in a budget', () => {
    expect(retrySchema.parse({ budget: {} }).budget).toEqual({ percent: 20, minRetriesPerSecond: 10, ttlMs: 10_000 });
  });

  it('does not share the default retryOn array between parses', () => {
    const a = retrySchema.parse({});
    a.retryOn.push('rejected');
    expect(retrySchema.parse({}).retryOn).toEqual(['error', 'timeout']);
  });

  it('rejects nonsense with the field in the path', () => {
    expect(issues(retrySchema, { maxAttempts: 0 })).toEqual([['maxAttempts', 'maxAttempts must be >= 1']]);
    expect(issues(retrySchema, { maxAttempts: 11 })[0]).toEqual(['maxAttempts', 'maxAttempts must be at most 10']);
    expect(issues(retrySchema, { maxAttempts: 2.5 })[0][0]).toBe('maxAttempts');
    expect(issues(retrySchema, { backoffMs: -1 })).toEqual([['backoffMs', 'backoffMs must be >= 0 ms']]);
    expect(issues(retrySchema, { multiplier: 0.5 })[0][0]).toBe('multiplier');
    expect(issues(retrySchema, { jitter: 'random' })[0]).toEqual(['jitter', 'jitter must be one of none, full, equal, decorrelated']);
    expect(issues(retrySchema, { retryOn: ['error', 'oops'] })[0][0]).toBe('retryOn.1');
    expect(issues(retrySchema, { retryOn: ['error', 'error'] })[0][0]).toBe('retryOn');
    expect(issues(retrySchema, { budget: { percent: 120 } })[0]).toEqual(['budget.percent', 'percent is a percentage: at most 100']);
  });

  it('reports a misspelt field instead of dropping it', () => {
    const r = retrySchema.safeParse({ maxAtempts: 5 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].code).toBe('unrecognized_keys');
  });

  it('produces what the backoff and budget kernels take', () => {
    const r = retrySchema.parse({ budget: { percent: 5 } });
    const b: BackoffConfig = { ...r, ...retryShape(r) };
    const budget: RetryBudgetConfig | undefined = r.budget;
    expect(b.jitter).toBe('full');
    expect(budget?.percent).toBe(5);
  });
});

describe('circuitBreakerSchema', () => {
  it('fills Resilience4j defaults', () => {
    expect(circuitBreakerSchema.parse({})).toEqual({
      slidingWindowType: 'COUNT_BASED', slidingWindowSize: 100, minimumNumberOfCalls: 100, failureRateThreshold: 50,
      slowCallRateThreshold: 100, slowCallDurationThresholdMs: 60_000, waitDurationInOpenStateMs: 60_000,
      permittedNumberOfCallsInHalfOpenState: 10, maxWaitDurationInHalfOpenStateMs: 0,
      automaticTransitionFromOpenToHalfOpenEnabled: false, failureThreshold: 5,
    });
  });

  it('rejects a threshold of 150 with a message that names the limit', () => {
    const [[path, message]] = issues(circuitBreakerSchema, { failureRateThreshold: 150 });
    expect(path).toBe('failureRateThreshold');
    expect(message).toMatch(/100/);
  });

  it('rejects a zero threshold, a bad window type and a non-integer window', () => {
    expect(issues(circuitBreakerSchema, { failureRateThreshold: 0 })[0]).toEqual(['failureRateThreshold', 'failureRateThreshold must be > 0 %']);
    expect(issues(circuitBreakerSchema, { slidingWindowType: 'SLIDING' })[0][0]).toBe('slidingWindowType');
    expect(issues(circuitBreakerSchema, { slidingWindowSize: 10.5 })[0]).toEqual(['slidingWindowSize', 'slidingWindowSize must be a whole number']);
    expect(issues(circuitBreakerSchema, { waitDurationInOpenStateMs: 'soon' })[0])
      .toEqual(['waitDurationInOpenStateMs', 'waitDurationInOpenStateMs must be a number of milliseconds']);
  });

  it('produces a config the kernel accepts', () => {
    const cfg: CircuitBreakerConfig = circuitBreakerSchema.parse({ slidingWindowSize: 20, minimumNumberOfCalls: 10 });
    expect(new CircuitBreaker(cfg).state).toBe(0);
  });
});

describe('bulkheadSchema and fallbackSchema', () => {
  it('fill Resilience4j semaphore bulkhead defaults and the fallback latency', () => {
    expect(bulkheadSchema.parse({})).toEqual({ maxConcurrentCalls: 25, maxWaitMs: 0 });
    expect(fallbackSchema.parse({})).toEqual({ latencyMs: 1 });
  });

  it('reject nonsense', () => {
    expect(issues(bulkheadSchema, { maxConcurrentCalls: 0 })[0][0]).toBe('maxConcurrentCalls');
    expect(issues(bulkheadSchema, { maxWaitMs: -5 })[0][0]).toBe('maxWaitMs');
    expect(issues(fallbackSchema, { latencyMs: -1 })[0][0]).toBe('latencyMs');
  });
});

describe('rateLimitSchema', () => {
  it('defaults burst to one second of tokens and per to global', () => {
    const r: RateLimitSettings = rateLimitSchema.parse({ tokensPerSecond: 2.5 }) as RateLimitSettings;
    expect(r).toEqual({ tokensPerSecond: 2.5, burst: 3, per: 'global' });
    expect(rateLimitSchema.parse({ tokensPerSecond: 0.2 }).burst).toBe(1);
    expect(rateLimitSchema.parse({ tokensPerSecond: 100, burst: 7, per: 'client' })).toEqual({ tokensPerSecond: 100, burst: 7, per: 'client' });
    const kernel: TokenBucketConfig = r;
    expect(kernel.burst).toBe(3);
  });

  it('requires a positive rate and a whole burst >= 1', () => {
    expect(issues(rateLimitSchema, {})[0][0]).toBe('tokensPerSecond');
    expect(issues(rateLimitSchema, { tokensPerSecond: 0 })[0]).toEqual(['tokensPerSecond', 'tokensPerSecond must be > 0']);
    expect(issues(rateLimitSchema, { tokensPerSecond: 5, burst: 0 })[0][0]).toBe('burst');
    expect(issues(rateLimitSchema, { tokensPerSecond: 5, per: 'user' })[0][0]).toBe('per');
  });

  it('still converts to JSON Schema (no transforms)', () => {
    for (const s of [retrySchema, circuitBreakerSchema, bulkheadSchema, fallbackSchema, rateLimitSchema]) {
      expect(() => z.toJSONSchema(s)).not.toThrow();
      expect(() => z.toJSONSchema(s, { io: 'input' })).not.toThrow();
    }
    const js = z.toJSONSchema(circuitBreakerSchema, { io: 'input' }) as { properties: Record<string, { description?: string }> };
    expect(js.properties.failureRateThreshold.description).toMatch(/%/);
  });
});
