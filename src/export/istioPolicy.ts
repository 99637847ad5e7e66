/**
 * Resilience4j's settings, as the scenario writes them, mapped to the nearest Istio (Envoy)
 * fields, each with the sentences that say what the mapping loses. Pure functions: data in,
 * a field and its caveats out.
 */
import { retryShape, type BulkheadSettings, type CircuitBreakerSettings, type RetrySettings } from '../engine/calls/resilienceSchema';
import { kindOf } from '../engine/kinds';
import type { ScenarioEdge } from '../engine/model';
import { duration, spoken } from './durations';
import type { Workload } from './plan';

export interface Mapped<T> {
  value: T;
  /** What the Istio field does not express, in words. */
  notes: string[];
}

/** The waits between attempts, at their largest (jitter only shortens them). */
function waitsMs(r: RetrySettings): number[] {
  const { multiplier } = retryShape(r);
  const out: number[] = [];
  for (let n = 1; n < r.maxAttempts; n++) out.push(Math.min(r.maxBackoffMs, r.backoffMs * multiplier ** (n - 1)));
  return out;
}

/**
 * The longest a call can take, retries included: every attempt timing out plus every wait.
 * Istio's route `timeout` bounds the whole call, so this is what it must allow.
 */
export function worstCaseMs(edge: ScenarioEdge): number | null {
  if (edge.timeoutMs === undefined) return null;
  const r = edge.retry;
  if (!r) return edge.timeoutMs;
  return r.maxAttempts * edge.timeoutMs + waitsMs(r).reduce((a, b) => a + b, 0);
}

/** Envoy retry conditions for Resilience4j outcomes (retryOn). */
const RETRY_ON: Record<RetrySettings['retryOn'][number], string> = {
  // 5xx covers answers 500-599, resets and refused connections (a crashed instance).
  error: '5xx',
  // A per-try timeout is retried under gateway-error (Envoy treats it as a 504).
  timeout: 'gateway-error',
  // A bulkhead or limiter refusal answers 503; Envoy never retries its own overflow.
  rejected: '503',
  // An open breaker (every host ejected) answers 503 "no healthy upstream".
  'short-circuited': '503',
};

/** The VirtualService `retries` of an edge (attempts 0 when the scenario does not retry: Istio retries twice by default). */
export function retriesFor(edge: ScenarioEdge): Mapped<Record<string, unknown>> {
  const r = edge.retry;
  if (!r || r.maxAttempts <= 1) return { value: { attempts: 0 }, notes: r ? ['maxAttempts 1: the first try only, no retry.'] : [] };
  const value: Record<string, unknown> = {
    attempts: r.maxAttempts - 1,
    retryOn: [...new Set(r.retryOn.map((o) => RETRY_ON[o]))].join(','),
  };
  if (edge.timeoutMs !== undefined) value.perTryTimeout = duration(edge.timeoutMs);
  const { multiplier, jitter } = retryShape(r);
  const notes = [
    `attempts: ${r.maxAttempts - 1}: Resilience4j's maxAttempts (${r.maxAttempts}) counts the first try, Istio's attempts does not.`,
    `No Istio field for the wait between attempts (${spoken(r.backoffMs)}${multiplier !== 1 ? ` ×${multiplier} up to ${spoken(r.maxBackoffMs)}` : ''}, ${jitter} jitter): Envoy waits 25 ms ×2 up to 250 ms with full jitter.`,
  ];
  if (r.retryOn.includes('short-circuited') || r.retryOn.includes('rejected')) notes.push('Retrying refusals (503) has no exact Envoy condition: Envoy does not retry its own overflow answers.');
  if (r.budget) notes.push(`Retry budget (${r.budget.percent} % of requests + ${r.budget.minRetriesPerSecond}/s over ${spoken(r.budget.ttlMs)}): Envoy's retry_budget is not exposed by Istio; DestinationRule connectionPool.http.maxRetries caps retries in flight instead.`);
  return { value, notes };
}

/**
 * A circuit breaker as outlier detection. Resilience4j opens on a failure rate over a
 * window; Envoy ejects a host after N errors in a row. N is the number of failures in a row
 * that opens the breaker from a healthy window: the threshold share of the window (of the
 * minimum number of calls for a time-based window).
 */
export function outlierDetectionFor(cb: CircuitBreakerSettings): Mapped<Record<string, unknown>> {
  const calls = cb.slidingWindowType === 'TIME_BASED' ? cb.minimumNumberOfCalls : cb.slidingWindowSize;
  const consecutive = cb.slidingWindowType === 'CONSECUTIVE' ? cb.failureThreshold : Math.max(1, Math.ceil((calls * cb.failureRateThreshold) / 100));
  const ejectMs = cb.waitDurationInOpenStateMs;
  const value = {
    consecutive5xxErrors: consecutive,
    interval: duration(Math.min(10_000, Math.max(1000, ejectMs))),
    baseEjectionTime: duration(ejectMs),
    maxEjectionPercent: 100,
  };
  const notes = [
    cb.slidingWindowType === 'CONSECUTIVE'
      ? `consecutive5xxErrors: the breaker opens after ${cb.failureThreshold} failures in a row.`
      : `consecutive5xxErrors: ${consecutive} failures in a row open a ${cb.slidingWindowType} breaker of ${cb.failureRateThreshold} % over ${cb.slidingWindowType === 'TIME_BASED' ? `${cb.slidingWindowSize} s (at least ${cb.minimumNumberOfCalls} calls)` : `${cb.slidingWindowSize} calls (at least ${cb.minimumNumberOfCalls})`} from a healthy start; Envoy counts errors in a row, not a rate.`,
    `baseEjectionTime = waitDurationInOpenState (${spoken(ejectMs)}); interval is how often Envoy re-checks ejected hosts.`,
    'Envoy ejects one instance at a time, not the whole dependency: maxEjectionPercent 100 lets it eject them all, and with every host out calls fail at once (503) as through an open breaker.',
    `No half-open state: after the ejection time the host takes full traffic again (Resilience4j lets ${cb.permittedNumberOfCallsInHalfOpenState} trial calls through)${cb.slidingWindowType === 'CONSECUTIVE' ? '' : `; slow calls (over ${spoken(cb.slowCallDurationThresholdMs)}, ${cb.slowCallRateThreshold} %) do not count`}.`,
  ];
  return { value, notes };
}

/** A semaphore bulkhead as a connection pool: at most maxConcurrentCalls requests in flight. */
export function connectionPoolFor(bh: BulkheadSettings, protocol: 'http' | 'tcp'): Mapped<Record<string, unknown>> {
  if (protocol === 'tcp') {
    return { value: { tcp: { maxConnections: bh.maxConcurrentCalls } }, notes: [`tcp.maxConnections = maxConcurrentCalls (${bh.maxConcurrentCalls}): one query per connection.`] };
  }
  const pending = bh.maxWaitMs > 0 ? bh.maxConcurrentCalls : 1;
  return {
    value: {
      tcp: { maxConnections: bh.maxConcurrentCalls },
      http: { http2MaxRequests: bh.maxConcurrentCalls, http1MaxPendingRequests: pending },
    },
    notes: [
      `http2MaxRequests = maxConcurrentCalls (${bh.maxConcurrentCalls}): requests in flight to the destination (HTTP/1.1 too, despite the name).`,
      bh.maxWaitMs > 0
        ? `http1MaxPendingRequests: up to ${pending} may wait for a connection; Envoy has no field for the longest wait (${spoken(bh.maxWaitMs)}).`
        : 'http1MaxPendingRequests: 1, the least Istio allows (0 means its default): Resilience4j with maxWaitDuration 0 queues none.',
      'Envoy counts the limit per proxy (per calling pod), Resilience4j per calling instance: the same here.',
    ],
  };
}

/** Envoy's load balancing for a workload's balancer and sessions; null for Istio's default (round robin). */
export function loadBalancerFor(w: Workload): Mapped<Record<string, unknown>> | null {
  if (kindOf(w.kind)?.sessions?.(w.node).mode === 'sticky') {
    return { value: { consistentHash: { httpCookie: { name: 'session', ttl: '0s' } } }, notes: ['Sticky sessions: a cookie pins each user to one instance.'] };
  }
  switch (w.settings.loadBalancer) {
    case 'random': return { value: { simple: 'RANDOM' }, notes: [] };
    case 'least-outstanding': return { value: { simple: 'LEAST_REQUEST' }, notes: ['LEAST_REQUEST: Envoy compares two random hosts (power of two choices), not all of them.'] };
    case 'power-of-two-choices': return { value: { simple: 'LEAST_REQUEST' }, notes: ['LEAST_REQUEST is Envoy\'s power of two choices.'] };
    default: return null;
  }
}
