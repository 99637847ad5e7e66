import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../../src/engine/model';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every preset of scenarios/, by file name. */
export function presets(): { file: string; text: string; scenario: Scenario }[] {
  return readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const text = readFileSync(join(ROOT, 'scenarios', file), 'utf8');
    return { file, text, scenario: parseScenarioOrThrow(text) };
  });
}

/** The scenarios inside the lessons (lessons/*.json), by lesson file. */
export function lessonScenarios(): { file: string; scenario: Scenario }[] {
  return readdirSync(join(ROOT, 'lessons')).filter((f) => f.endsWith('.json') && f !== 'course.json').sort().map((file) => {
    const lesson = JSON.parse(readFileSync(join(ROOT, 'lessons', file), 'utf8')) as { scenario: unknown };
    return { file, scenario: parseScenarioOrThrow(lesson.scenario) };
  });
}

export const preset = (file: string): Scenario => parseScenarioOrThrow(readFileSync(join(ROOT, 'scenarios', file), 'utf8'));

/**
 * A scenario with one of everything the export maps: every kind, odd ids, sizes, a health
 * check, an autoscaler, sticky sessions, a session store, an at-most-once and an
 * at-least-once queue with a dead-letter queue, a topic, a registry, a saga, a gateway with a
 * fractional weighted split, a rate limit and auth, and calls with every resilience setting.
 */
export const KITCHEN_SINK = {
  version: 1,
  name: 'Kitchen sink: every mapping at once',
  nodes: [
    { id: 'Users', kind: 'client', load: { rps: 20, arrival: 'poisson', spike: { atMs: 1000, durationMs: 1000, multiplier: 2 } }, paths: [{ path: '/shop', weight: 3 }, { path: '/admin', weight: 1 }] },
    { id: 'bots', kind: 'client', load: { users: 5, thinkTimeMs: { dist: 'exponential', mean: 500 } } },
    { id: 'edge.gw', kind: 'gateway', instances: 2, rateLimit: { tokensPerSecond: 100 }, auth: { to: 'auth', cacheTtlMs: 60000 },
      routes: [{ prefix: '/shop', to: [{ service: 'shop_v1', weight: 0.25 }, { service: 'shop:v2', weight: 0.75 }] }, { prefix: '/admin', to: 'admin' }] },
    { id: 'bff', kind: 'gateway' },
    { id: 'auth', kind: 'service', instances: 1 },
    { id: 'shop_v1', kind: 'service', instances: 3, size: 'large', sessions: 'sticky', healthCheck: { periodMs: 500, failureThreshold: 2 }, startupMs: 15000,
      autoscale: { minReplicas: 3, maxReplicas: 12, targetUtilization: 0.6, scaleDownStabilizationMs: 60000 } },
    { id: 'shop:v2', kind: 'service', instances: 2, loadBalancer: 'least-outstanding', sessions: 'store', sessionStore: 'sessions', callOrder: 'parallel' },
    { id: 'admin', kind: 'service', operations: [{ path: '/admin', serviceTimeMs: 5, calls: ['db'] }] },
    { id: 'sessions', kind: 'database', connections: 20 },
    { id: 'db', kind: 'database', replicas: 3, connections: 1 },
    { id: 'jobs', kind: 'queue', delivery: 'at-least-once', fifo: true, maxReceiveCount: 3, deadLetter: 'jobs-dlq', visibilityTimeoutMs: 20000 },
    { id: 'jobs-dlq', kind: 'queue' },
    { id: 'fast-jobs', kind: 'queue', delivery: 'at-most-once' },
    { id: 'events', kind: 'topic' },
    { id: 'worker', kind: 'service' },
    { id: 'mailer', kind: 'service' },
    { id: 'registry', kind: 'registry' },
    { id: 'checkout-saga', kind: 'saga', steps: [{ call: 'payments', compensate: 'refunds' }, { call: 'mailer' }] },
    { id: 'payments', kind: 'service' },
    { id: 'refunds', kind: 'service' },
  ],
  edges: [
    { from: 'Users', to: 'edge.gw', timeoutMs: 3000 },
    { from: 'bots', to: 'bff' },
    { from: 'edge.gw', to: 'auth', timeoutMs: 200 },
    { from: 'edge.gw', to: 'shop_v1', timeoutMs: 1000, retry: { maxAttempts: 3, backoffMs: 100 }, circuitBreaker: { slidingWindowSize: 20, minimumNumberOfCalls: 10, failureRateThreshold: 40 } },
    { from: 'edge.gw', to: 'shop:v2', timeoutMs: 1500 },
    { from: 'edge.gw', to: 'admin' },
    { from: 'bff', to: 'shop_v1' },
    { from: 'bff', to: 'admin' },
    { from: 'shop_v1', to: 'payments', timeoutMs: 800, probability: 0.3,
      retry: { maxAttempts: 4, backoffMs: 200, multiplier: 3, maxBackoffMs: 1000, jitter: 'equal', retryOn: ['error', 'timeout', 'rejected'], budget: { percent: 10 } },
      circuitBreaker: { slidingWindowType: 'TIME_BASED', slidingWindowSize: 10, minimumNumberOfCalls: 30, waitDurationInOpenStateMs: 30000 },
      bulkhead: { maxConcurrentCalls: 8, maxWaitMs: 50 }, fallback: { latencyMs: 2 } },
    { from: 'shop:v2', to: 'sessions', timeoutMs: 50 },
    { from: 'shop:v2', to: 'jobs' },
    { from: 'shop:v2', to: 'events' },
    { from: 'shop:v2', to: 'checkout-saga', timeoutMs: 5000 },
    { from: 'admin', to: 'db', bulkhead: { maxConcurrentCalls: 4 }, circuitBreaker: { slidingWindowType: 'CONSECUTIVE', failureThreshold: 3 } },
    { from: 'jobs', to: 'worker', timeoutMs: 10000 },
    { from: 'fast-jobs', to: 'worker' },
    { from: 'events', to: 'mailer' },
    { from: 'events', to: 'fast-jobs' },
    { from: 'worker', to: 'payments', retry: { maxAttempts: 1 } },
    { from: 'payments', to: 'jobs' },
    { from: 'checkout-saga', to: 'payments', timeoutMs: 1000 },
    { from: 'checkout-saga', to: 'refunds' },
    { from: 'checkout-saga', to: 'mailer' },
  ],
};

export const kitchenSink = (): Scenario => parseScenarioOrThrow(KITCHEN_SINK);
