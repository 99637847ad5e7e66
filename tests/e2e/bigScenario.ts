/**
 * A 30-node shop for the frame-rate benchmark: two clients sending 5,000 requests per second
 * in all, a gateway routing eight paths to eight front services, six back services and
 * thirteen databases (recs keeps nothing of its own). Sized to run healthy (utilization well
 * under 1) so that the picture stays busy without queues growing for ever. No positions: the
 * page lays it out, as it does any imported scenario without them.
 */
const FRONT = [
  ['catalog', 5, ['catalog-db'], 'pricing'],
  ['search', 3, ['search-db'], 'ranking'],
  ['cart', 2, ['cart-db'], 'inventory'],
  ['checkout', 1, ['orders-db'], 'payment'],
  ['account', 1, ['account-db'], 'users'],
  ['reviews', 2, ['reviews-db'], 'users'],
  ['recs', 3, [], 'ranking'],
  ['media', 3, ['media-db'], 'images'],
] as const satisfies readonly (readonly [string, number, readonly string[], string])[];
const BACK = [
  ['pricing', 'pricing-db'],
  ['ranking', 'ranking-db'],
  ['inventory', 'inventory-db'],
  ['payment', 'payments-db'],
  ['users', 'users-db'],
  ['images', 'images-db'],
] as const;

const service = (id: string, meanMs: number) => ({ id, kind: 'service', instances: 4, concurrency: 16, serviceTimeMs: { dist: 'exponential', mean: meanMs } });
const database = (id: string) => ({ id, kind: 'database', connections: 32, queryTimeMs: { dist: 'exponential', mean: 3 } });

export const BIG_TOTAL_RPS = 5000;

export function bigScenario(): { name: string; nodes: { id: string }[]; edges: unknown[] } & Record<string, unknown> {
  const paths = FRONT.map(([id, weight]) => ({ path: `/${id}`, weight }));
  const nodes = [
    { id: 'web', kind: 'client', load: { rps: 3500, arrival: 'poisson' }, paths },
    { id: 'mobile', kind: 'client', load: { rps: BIG_TOTAL_RPS - 3500, arrival: 'poisson' }, paths },
    { id: 'gateway', kind: 'gateway', instances: 4, concurrency: 512, routes: FRONT.map(([id]) => ({ prefix: `/${id}`, to: id })) },
    ...FRONT.map(([id]) => service(id, 4)),
    ...BACK.map(([id]) => service(id, 3)),
    ...[...FRONT.flatMap(([, , dbs]) => dbs), ...BACK.map(([, db]) => db)].map(database),
  ];
  const edges = [
    { from: 'web', to: 'gateway' },
    { from: 'mobile', to: 'gateway' },
    ...FRONT.flatMap(([id, , dbs, back]) => [{ from: 'gateway', to: id }, ...dbs.map((db) => ({ from: id, to: db })), { from: id, to: back }]),
    ...BACK.map(([id, db]) => ({ from: id, to: db })),
  ];
  return { version: 1, name: '30-node shop at 5,000 requests/s', seed: 7, durationMs: 3_600_000, nodes, edges };
}
