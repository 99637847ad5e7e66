import type { KindDeploy } from '../deploy';
import type { RegistryNode } from './schema';

/** A registry is a Eureka server; its leases become the settings of every Eureka client. */
export const registryDeploy: KindDeploy<RegistryNode> = {
  runtime: () => 'eureka',
  settings: (n) => ({ replicas: n.instances, leases: { heartbeatMs: n.heartbeatMs, evictionMs: n.evictionMs, cacheRefreshMs: n.cacheRefreshMs } }),
  notes: (n, words) => [`Leases: heartbeat every ${words.spoken(n.heartbeatMs)}, evicted ${words.spoken(n.evictionMs)} after the last one, callers refresh every ${words.spoken(n.cacheRefreshMs)}.`],
};
