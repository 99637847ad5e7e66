/**
 * The presets' names, for the picker in the first load: each file's scenario loads only when it
 * is opened (presets.ts). A test keeps every name equal to its file's `name`.
 */
export const PRESET_NAMES: Readonly<Record<string, string>> = {
  'autoscale-spike': 'An autoscaler follows a spike',
  bulkhead: 'Bulkhead: a slow dependency may only take its share of workers',
  'cache-flush': 'Cache: a flush and the thundering herd',
  'circuit-breaker': 'Circuit breaker: one slow dependency, not a whole shop down',
  ecommerce: 'E-commerce shop: an API gateway in front of microservices',
  fallback: 'Fallback: a degraded answer instead of an error',
  microservices: 'Microservices: each route has its own service',
  monolith: 'Monolith: every route shares one app',
  'queue-absorbs-burst': 'A queue absorbs a burst of orders',
  'queue-at-most-vs-at-least-once': 'At-most-once vs at-least-once when a consumer crashes',
  'rate-limit': 'Rate limiting: one greedy client, one bucket each',
  'retry-storm': 'Retry storm: the overload that outlives its cause',
  'saga-compensation': 'Saga: an order that undoes itself',
  'scale-out-vs-up': 'Scale out: four small instances',
  'scale-up': 'Scale up: one xlarge instance',
  'serverless-cold-starts': 'Serverless: cold starts and throttles',
  'service-discovery': 'Service discovery: a crashed instance lingers',
  "shared-database": "Shared database: one service's queries slow down another",
  'sticky-sessions': 'Sticky sessions against a session store',
  'strangler-fig': 'Strangler fig: moving /orders out of the monolith',
  timeouts: 'Timeouts: a network partition with and without them',
  'topic-fan-out': 'A topic fans out to its subscribers',
};
