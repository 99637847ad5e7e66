import { compileDistribution } from '../core/sampler';
import type { ScenarioEdge } from '../model';
import { FAIL_CRASHED, FAIL_ERROR, FAIL_NOT_FOUND, FAIL_RATE_LIMITED, FAIL_REJECTED, FAIL_SHORT_CIRCUITED, FAIL_TIMEOUT } from '../runtime/codes';
import { JitterCode } from './backoff';
import { CircuitBreaker, type BreakerTransitionListener } from './circuitBreaker';
import { EdgeRt } from './edgeRuntime';
import { RetryBudget } from './retryBudget';
import { retryShape } from './resilienceSchema';

/** What each `retryOn` word covers, as failure causes. */
const RETRY_ON_CAUSES: Record<string, number[]> = {
  // A crashed callee refuses the connection: safe to try another instance.
  error: [FAIL_ERROR, FAIL_CRASHED],
  timeout: [FAIL_TIMEOUT],
  rejected: [FAIL_REJECTED, FAIL_RATE_LIMITED],
  'short-circuited': [FAIL_SHORT_CIRCUITED],
};
void FAIL_NOT_FOUND; // a 404 is never retried

/** Builds an edge's runtime from its scenario settings. */
export function buildEdge(index: number, key: string, from: number, to: number, e: ScenarioEdge, onBreaker: BreakerTransitionListener): EdgeRt {
  const rt = new EdgeRt(index, key, from, to, compileDistribution(e.latencyMs), e.probability, e.timeoutMs ?? 0);
  configureEdge(rt, e, onBreaker);
  return rt;
}

/** Applies resilience settings; also used when the UI edits an edge while running. */
export function configureEdge(rt: EdgeRt, e: ScenarioEdge, onBreaker: BreakerTransitionListener = rt.breakerListener): void {
  rt.breakerListener = onBreaker;
  rt.probability = e.probability;
  rt.timeoutMs = e.timeoutMs ?? 0;
  const r = e.retry;
  const shape = r ? retryShape(r) : null;
  rt.retryMax = r ? r.maxAttempts : 1;
  rt.backoffMs = r ? r.backoffMs : 0;
  rt.multiplier = shape ? shape.multiplier : 1;
  rt.maxBackoffMs = r ? r.maxBackoffMs : 0;
  rt.jitterCode = shape ? JitterCode[shape.jitter] : 0;
  rt.retryOnMask = 0;
  for (const word of r?.retryOn ?? []) for (const cause of RETRY_ON_CAUSES[word] ?? []) rt.retryOnMask |= 1 << cause;
  rt.budget = r?.budget ? new RetryBudget(r.budget) : null;
  const b = e.circuitBreaker;
  rt.breaker = b ? new CircuitBreaker(b, onBreaker) : null;
  rt.bulkMax = e.bulkhead ? e.bulkhead.maxConcurrentCalls : 0;
  rt.bulkWaitMs = e.bulkhead ? e.bulkhead.maxWaitMs : 0;
  rt.fallbackMs = e.fallback ? e.fallback.latencyMs : -1;
  rt.refreshPlain();
}
