import { z } from 'zod';
import { count, nodeBaseShape } from '../common';

/**
 * A service registry (Eureka/Consul-like). With one in the scenario, callers find instances
 * through it: an instance registers when ready and renews every heartbeatMs; the registry
 * evicts it after evictionMs without renewal; callers refresh their cached list every
 * cacheRefreshMs. Defaults are Eureka's.
 */
export const registrySchema = z.strictObject({
  ...nodeBaseShape,
  kind: z.literal('registry'),
  instances: count('instances', 1, 10).default(1).describe('Registry servers; when all are down, callers keep their cached lists'),
  heartbeatMs: z.number().positive().max(3_600_000).default(30_000).describe('How often an instance renews its registration (ms)'),
  evictionMs: z.number().positive().max(3_600_000).default(90_000).describe('Time without renewal after which an instance is evicted (ms)'),
  cacheRefreshMs: z.number().positive().max(3_600_000).default(30_000).describe('How often callers refresh their cached instance lists (ms)'),
});

export type RegistryNode = z.output<typeof registrySchema>;
