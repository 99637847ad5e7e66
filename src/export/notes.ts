/**
 * Sentences for what a deployment file has no field for: a client's load, a saga's steps, a
 * call's jitter or fallback. They are written as YAML comments beside the nearest resource,
 * so nothing in the scenario is dropped without a word.
 */
import { describeDistribution } from '../engine/core/distributions';
import { retryShape } from '../engine/calls/resilienceSchema';
import { kindOf } from '../engine/kinds';
import type { DeployWords } from '../engine/kinds/deploy';
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

/** What the export lends a kind's notes (engine/kinds/deploy.ts). */
const WORDS: DeployWords = { spoken };

/** What a node says that its deployment file has no field for, one sentence each: its kind words them. */
export function workloadLines(w: Workload): string[] {
  return kindOf(w.kind)?.deploy?.notes?.(w.node, WORDS) ?? [];
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
