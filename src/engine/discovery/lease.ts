import type { NodeRt } from '../runtime/nodeRuntime';
import { CachedList } from './cachedList';

/** The registry's records: leases of instances, the services they belong to, and the registry node's timers. */

/** A readiness probe on a service (its `healthCheck`). */
export interface HealthCheckSettings {
  periodMs: number;
  failureThreshold: number;
}

// Timers on the registry node: EV_KIND with payload (id << 2) | type.
export const T_LEASE = 0;
export const T_PUSH_REMOVAL = 1;
export const T_REFRESH = 2;
export const T_PROBE = 3;
export const timer = (id: number, type: number) => (id << 2) | type;

/**
 * One instance of a watched service: its registration as the registry holds it, and its own
 * heartbeat. One timer per lease serves both: the instance's next heartbeat and, while the
 * registry is up, the lease's expiry (`lastRenewal + evictionMs`), whichever comes first.
 */
export class Lease {
  /** In the registry's table. */
  registered = false;
  lastRenewal = 0;
  /** When the instance sends its next heartbeat; Infinity while it is down. */
  beatAt = Infinity;
  /** Time of this lease's one valid pending timer (others are stale); Infinity if none. */
  timerAt = Infinity;
  /** Consecutive failed readiness probes. */
  failedProbes = 0;

  constructor(
    readonly id: number,
    readonly svc: Watched,
    readonly instance: number,
  ) {}
}

/** A service whose instances register with the registry, and its callers' cached list. */
export class Watched {
  readonly leases: Lease[] = [];
  readonly cache = new CachedList();

  constructor(
    readonly index: number,
    readonly node: NodeRt,
    readonly health: HealthCheckSettings | null,
  ) {}
}
