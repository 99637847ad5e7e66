import { z } from 'zod';
import { count, nodeBaseShape } from '../common';

/**
 * A service registry: a simplified lease registry with Eureka's default numbers. With one in
 * the scenario, callers find instances through it: an instance registers when ready and
 * renews every heartbeatMs; the registry evicts it exactly evictionMs after its last renewal
 * (real Eureka takes about twice the lease plus a 60 s sweep, see docs/semantics.md); callers
 * refresh their cached list every cacheRefreshMs.
 */
export const registrySchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('registry'),
  instances: count('instances', 1, 10).default(1).describe('Registry servers; when all are down, callers keep their cached lists'),
  heartbeatMs: z.number().positive().max(3_600_000).default(30_000).describe('How often an instance renews its registration (ms)'),
  evictionMs: z.number().positive().max(3_600_000).default(90_000).describe('Time without renewal after which an instance is evicted (ms). Exact here; real Eureka takes about 180–240 s with its defaults'),
  cacheRefreshMs: z.number().positive().max(3_600_000).default(30_000).describe('How often callers refresh their cached instance lists (ms)'),
});

export type RegistryNode = z.output<typeof registrySchema>;
