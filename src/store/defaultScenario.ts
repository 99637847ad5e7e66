/**
 * The scenario a first visit opens: a small e-commerce system. Kept as data and validated
 * through the scenario parser like any file, so it can never drift from the schema unseen.
 *
 * Waiting for the engine's registry and queue behaviours (their schemas exist, their runtime
 * does not yet): a service registry node that the services register with, and a queue
 * between order and notification. Until then order calls notification directly.
 */
import { parseScenarioOrThrow } from '../scenario/parse';
import type { Scenario } from './types';

const svc = (id: string, label: string, x: number, y: number, instances: number, concurrency: number, meanMs: number) => ({
  id, kind: 'service', label, position: { x, y }, instances, concurrency, startupMs: 5000,
  serviceTimeMs: { dist: 'exponential', mean: meanMs },
});
const db = (id: string, label: string, x: number, y: number) => ({
  id, kind: 'database', label, position: { x, y }, connections: 10, queryTimeMs: { dist: 'exponential', mean: 5 },
});

export const DEFAULT_SCENARIO_DATA = {
  version: 1,
  name: 'E-commerce shop',
  description: 'Shoppers reach an API gateway that routes to auth, product and order services; order charges payment and tells notification. Each service has its own database.',
  seed: 42,
  durationMs: 3_600_000,
  tracing: { sampleRate: 0.02 },
  nodes: [
    { id: 'shoppers', kind: 'client', label: 'Shoppers', position: { x: 0, y: 150 }, load: { rps: 120, arrival: 'poisson' },
      paths: [{ path: '/products', weight: 6 }, { path: '/orders', weight: 3 }, { path: '/login', weight: 1 }] },
    { id: 'gateway', kind: 'gateway', label: 'API gateway', position: { x: 215, y: 150 }, instances: 2,
      routes: [{ prefix: '/login', to: 'auth' }, { prefix: '/products', to: 'product' }, { prefix: '/orders', to: 'order' }] },
    svc('auth', 'Auth', 445, 0, 2, 4, 15),
    svc('product', 'Product', 445, 150, 3, 2, 30),
    svc('order', 'Order', 445, 320, 2, 4, 20),
    svc('payment', 'Payment', 690, 400, 2, 2, 25),
    svc('notification', 'Notification', 690, 540, 1, 4, 8),
    db('auth-db', 'Auth DB', 690, 0),
    db('product-db', 'Product DB', 690, 150),
    db('order-db', 'Order DB', 690, 270),
    db('payment-db', 'Payment DB', 935, 400),
    db('notification-db', 'Notification DB', 935, 540),
  ],
  edges: [
    { from: 'shoppers', to: 'gateway' },
    { from: 'gateway', to: 'auth', timeoutMs: 2000 },
    { from: 'gateway', to: 'product', timeoutMs: 2000 },
    { from: 'gateway', to: 'order', timeoutMs: 3000 },
    { from: 'auth', to: 'auth-db' },
    { from: 'product', to: 'product-db' },
    { from: 'order', to: 'order-db' },
    { from: 'order', to: 'payment', timeoutMs: 1000,
      circuitBreaker: { slidingWindowType: 'COUNT_BASED', slidingWindowSize: 20, minimumNumberOfCalls: 10, failureRateThreshold: 50, waitDurationInOpenStateMs: 5000, permittedNumberOfCallsInHalfOpenState: 3 } },
    { from: 'order', to: 'notification' },
    { from: 'payment', to: 'payment-db' },
    { from: 'notification', to: 'notification-db' },
  ],
};

export function defaultScenario(): Scenario {
  return parseScenarioOrThrow(DEFAULT_SCENARIO_DATA);
}
