/**
 * Sentences for what a deployment file has no field for: a client's load, a saga's steps, a
 * call's jitter or fallback. They are written as YAML comments beside the nearest resource,
 * so nothing in the scenario is dropped without a word.
 */
import { describeDistribution } from '../engine/core/distributions';
import { retryShape } from '../engine/calls/resilienceSchema';
import type { ScenarioEdge } from '../engine/model';
import { spoken } from './durations';
import type { ClientLoad, Plan, Workload } from './plan';

const pct = (x: number) => `${+(x * 100).toFixed(2)} %`;

/** "100 requests/s (Poisson), ×4 from 60 s for 90 s" or "200 users, think time exp(mean 1000 ms)". */
export function loadText(c: ClientLoad): string {
  const load = c.node.load;
  if ('users' in load) return `${load.users} users in a closed loop, think time ${describeDistribution(load.thinkTimeMs)}`;
  const parts = [`${load.rps} requests/s (${load.arrival === 'poisson' ? 'Poisson' : 'evenly spaced'})`];
  if (load.steps?.length) parts.push(`steps ${load.steps.map((s) => `${s.rps}/s from ${spoken(s.atMs)}`).join(', ')}`);
  if (load.ramp) parts.push(`ramp to ${load.ramp.toRps}/s from ${spoken(load.ramp.startMs)} over ${spoken(load.ramp.durationMs)}`);
  if (load.spike) parts.push(`spike ×${load.spike.multiplier} from ${spoken(load.spike.atMs)} for ${spoken(load.spike.durationMs)}`);
  if (load.sine) parts.push(`± ${load.sine.amplitudeRps}/s every ${spoken(load.sine.periodMs)}`);
  return parts.join(', ');
}

/** One line per client: the load a real system would see, which no deployment file holds. */
export function clientLines(plan: Plan): string[] {
  return plan.clients.map((c) => {
    const paths = c.node.paths.length === 1 && c.node.paths[0].path === '/' ? '' : ` on ${c.node.paths.map((p) => p.path).join(', ')}`;
    const to = c.targets.length ? ` → ${c.targets.map((t) => {
      const edge = c.edges.find((e) => e.to === t.node.id);
      const policy = edge ? callPolicy(edge) : '';
      return policy ? `${t.name} (${policy})` : t.name;
    }).join(', ')}` : '';
    return `Load (client ${c.node.id}, not deployed): ${loadText(c)}${paths}${to}.`;
  });
}

/** Everything an edge says about its calls, as one sentence (Compose has a field for none of it). */
export function callPolicy(edge: ScenarioEdge): string {
  const parts: string[] = [];
  if (edge.probability < 1) parts.push(`made by ${pct(edge.probability)} of requests`);
  if (edge.timeoutMs !== undefined) parts.push(`timeout ${spoken(edge.timeoutMs)} per attempt`);
  if (edge.retry) parts.push(retryText(edge));
  if (edge.circuitBreaker) {
    const cb = edge.circuitBreaker;
    parts.push(cb.slidingWindowType === 'CONSECUTIVE'
      ? `circuit breaker: opens after ${cb.failureThreshold} failures in a row, open ${spoken(cb.waitDurationInOpenStateMs)}`
      : `circuit breaker (${cb.slidingWindowType}, window ${cb.slidingWindowSize}${cb.slidingWindowType === 'TIME_BASED' ? ' s' : ' calls'}, opens at ${cb.failureRateThreshold} % failures or ${cb.slowCallRateThreshold} % calls slower than ${spoken(cb.slowCallDurationThresholdMs)}, open ${spoken(cb.waitDurationInOpenStateMs)}, ${cb.permittedNumberOfCallsInHalfOpenState} trial calls)`);
  }
  if (edge.bulkhead) parts.push(`bulkhead: ${edge.bulkhead.maxConcurrentCalls} calls at once, ${edge.bulkhead.maxWaitMs > 0 ? `wait up to ${spoken(edge.bulkhead.maxWaitMs)}` : 'no wait'}`);
  if (edge.fallback) parts.push(fallbackText(edge));
  return parts.join('; ');
}

export function retryText(edge: ScenarioEdge): string {
  const r = edge.retry;
  if (!r) return '';
  if (r.maxAttempts <= 1) return 'no retry (maxAttempts 1)';
  const { multiplier, jitter } = retryShape(r);
  let text = `retry: ${r.maxAttempts} attempts in all, wait ${spoken(r.backoffMs)}${multiplier !== 1 ? ` ×${multiplier} each time up to ${spoken(r.maxBackoffMs)}` : ''}, ${jitter} jitter, on ${r.retryOn.join('/')}`;
  if (r.budget) text += `, retry budget ${r.budget.percent} % of requests + ${r.budget.minRetriesPerSecond}/s over ${spoken(r.budget.ttlMs)}`;
  return text;
}

export const fallbackText = (edge: ScenarioEdge): string =>
  edge.fallback ? `fallback: a failed call is answered with a degraded response in ${spoken(edge.fallback.latencyMs)} (application code)` : '';

/** "catalog (Catalog API): service, the team's own service.": what a workload is. */
export const titleLine = (w: Workload): string => `${w.node.id}${w.node.label ? ` (${w.node.label})` : ''}: ${w.node.kind}, ${w.spec.what}.`;

/** What a node says that its deployment file has no field for, one sentence each. */
export function workloadLines(w: Workload): string[] {
  const n = w.node;
  const out: string[] = [];
  switch (n.kind) {
    case 'service':
    case 'gateway':
      out.push(`Each instance serves ${n.concurrency} requests at once (its worker or thread pool) and queues ${n.queueCapacity} more (its accept queue); beyond that it answers 503.`);
      if (n.kind === 'service') {
        if (n.operations?.length) out.push(`Operations: ${n.operations.map((o) => `${o.path} (${describeDistribution(o.serviceTimeMs)}${o.calls.length ? `, calls ${o.calls.join(', ')}` : ''})`).join('; ')}.`);
        if (n.callOrder === 'parallel') out.push('Calls its dependencies in parallel (fan-out).');
        if (n.sessions === 'sticky') out.push('Sticky sessions: each user is pinned to one instance, and loses the session when it goes.');
        if (n.sessions === 'store') out.push(`Sessions live in ${n.sessionStore ?? 'a session store'}.`);
      } else {
        if (n.rateLimit) out.push(`Rate limit: ${n.rateLimit.tokensPerSecond} requests/s, bursts of ${n.rateLimit.burst ?? Math.ceil(n.rateLimit.tokensPerSecond)}, ${n.rateLimit.per === 'client' ? 'one bucket per client' : 'one bucket for all'}; over it, 429.`);
        if (n.auth) out.push(`Auth: every request is checked with ${n.auth.to} first${n.auth.cacheTtlMs > 0 ? `, a success cached ${spoken(n.auth.cacheTtlMs)}` : ''}.`);
      }
      break;
    case 'database':
      out.push(`Connection pool of ${n.connections} per server, ${n.queueCapacity} queries may wait.`);
      if (n.replicas > 1) out.push(`${n.replicas} servers share the load: run them as a replicated cluster (an operator such as CloudNativePG), not as independent copies.`);
      break;
    case 'queue':
    case 'topic':
      out.push(`${n.delivery}${n.kind === 'queue' && n.fifo ? ', FIFO' : ''}; visibility timeout ${spoken(n.visibilityTimeoutMs)}${n.maxReceiveCount ? `, dead-letter after ${n.maxReceiveCount} receives${n.deadLetter ? ` to ${n.deadLetter}` : ''}` : ''}${n.capacity ? `, holds at most ${n.capacity} messages` : ''}.`);
      if (n.kind === 'topic') out.push('Each subscriber gets its own copy of every message: one SNS subscription (an SQS queue or an HTTP endpoint) per subscriber.');
      break;
    case 'registry':
      out.push(`Leases: heartbeat every ${spoken(n.heartbeatMs)}, evicted ${spoken(n.evictionMs)} after the last one, callers refresh every ${spoken(n.cacheRefreshMs)}.`);
      break;
    case 'cache':
      out.push(`Cache-aside: ${n.hitRatio !== undefined ? `${Math.round(n.hitRatio * 100)}% of lookups hit when warm` : `${n.keys} keys (Zipf s=${n.zipfS})`}, ${n.capacity} entries (maxmemory-policy allkeys-lru)${n.ttlMs !== undefined ? `, each set with PX ${n.ttlMs}` : ''}. The application reads it first and fills it on a miss.`);
      break;
    case 'function':
      out.push(`A serverless function in the simulation (AWS Lambda, ${n.memoryMb} MB${n.reservedConcurrency !== undefined ? `, reserved concurrency ${n.reservedConcurrency}` : ''}${n.provisionedConcurrency > 0 ? `, provisioned concurrency ${n.provisionedConcurrency}` : ''}): here a container; Knative Serving would scale it from zero per request as Lambda does.`);
      break;
    case 'saga':
      out.push(`Saga orchestrator (application code): ${n.steps.map((s, i) => `${i + 1}. ${s.call}${s.compensate ? ` (undo: ${s.compensate})` : ''}`).join(', ')}; each compensation tried ${n.maxCompensationAttempts} times, ${spoken(n.compensationBackoffMs)} apart${n.pivot !== undefined ? `; steps after step ${n.pivot + 1} are retried, not compensated` : ''}.`);
      break;
    case 'client':
      break;
  }
  return out;
}

/** Wraps a comment to lines of at most `width` characters, keeping words whole. */
export function wrap(text: string, width = 100): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}
