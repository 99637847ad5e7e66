import { EV_KIND, INST_DRAINING, INST_GONE, INST_READY } from '../runtime/codes';
import type { NodeRt } from '../runtime/nodeRuntime';
import { addInstanceHooks } from '../runtime/stations';
import type { World } from '../runtime/world';
import { CachedList } from './cachedList';

/**
 * Delay between a health check taking an instance out and its callers no longer sending to
 * it: Kubernetes endpoint propagation (kubelet -> API server -> EndpointSlice -> kube-proxy)
 * takes from under a second to a few seconds; microcosm uses one second.
 */
export const ENDPOINT_PROPAGATION_MS = 1000;

/** Settings of a registry node (its schema's output). */
export interface RegistrySettings {
  heartbeatMs: number;
  evictionMs: number;
  cacheRefreshMs: number;
}

/** A readiness probe on a service (its `healthCheck`). */
export interface HealthCheckSettings {
  periodMs: number;
  failureThreshold: number;
}

// Timers on the registry node: EV_KIND with payload (id << 2) | type.
const T_LEASE = 0;
const T_PUSH_REMOVAL = 1;
const T_REFRESH = 2;
const T_PROBE = 3;
const timer = (id: number, type: number) => (id << 2) | type;

/**
 * One instance of a watched service: its registration as the registry holds it, and its own
 * heartbeat. One timer per lease serves both: the instance's next heartbeat and, while the
 * registry is up, the lease's expiry (`lastRenewal + evictionMs`), whichever comes first.
 */
class Lease {
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
class Watched {
  readonly leases: Lease[] = [];
  readonly cache = new CachedList();

  constructor(
    readonly index: number,
    readonly node: NodeRt,
    readonly health: HealthCheckSettings | null,
  ) {}
}

/**
 * A service registry (Eureka-like leases, Consul/Kubernetes-like readiness checks) and the
 * callers' caches of it. The state of a `registry` node; see README.md in this folder.
 */
export class Registry {
  private readonly watched: Watched[] = [];
  private readonly leases: Lease[] = [];
  private node: NodeRt | null = null;

  registrations = 0;
  deregistrations = 0;
  evictions = 0;
  healthCheckRemovals = 0;
  /** Cache refreshes the callers made (only while the registry was up). */
  refreshes = 0;
  /** Refreshes that changed what callers see. */
  refreshChanges = 0;

  constructor(readonly settings: RegistrySettings) {}

  /** The registry node itself: it answers while at least one of its instances is ready. */
  bindNode(n: NodeRt): void {
    this.node = n;
    n.onReady = (w) => this.onServerReady(w);
  }

  up(): boolean {
    return this.node !== null && this.node.readyCount > 0;
  }

  /**
   * Makes `n`'s instances register here and its callers find them through their cache.
   * Instances ready now are registered, and the callers' cache starts with them, as if the
   * system had been running before the simulation began.
   */
  watch(n: NodeRt, health: HealthCheckSettings | null): void {
    const svc = new Watched(this.watched.length, n, health);
    this.watched.push(svc);
    addInstanceHooks(n, {
      ready: (w, _node, i) => this.onInstanceReady(w, svc, i),
      down: (w, _node, i) => this.onInstanceDown(w, svc, i),
    });
    const visible: number[] = [];
    n.instances.forEach((inst, i) => {
      if (inst.state !== INST_READY) return;
      const lease = this.lease(svc, i);
      lease.registered = true;
      visible.push(i);
    });
    svc.cache.visible = visible;
    n.discovery = svc.cache;
    n.refreshPlain();
  }

  // ---- the run ---------------------------------------------------------------------------

  /** Draws the phases of heartbeats, refreshes and probes, and arms their timers. */
  start(w: World): void {
    if (this.watched.length === 0 || this.node === null) return;
    const { heartbeatMs, cacheRefreshMs } = this.settings;
    for (const svc of this.watched) {
      const ids: number[] = [];
      for (const lease of svc.leases) {
        if (!lease.registered) continue;
        // Registered before the run: the next heartbeat falls anywhere within one period.
        lease.beatAt = this.node.rngKind.next() * heartbeatMs;
        lease.lastRenewal = lease.beatAt - heartbeatMs;
        this.registrations++;
        ids.push(lease.instance);
        this.arm(w, lease);
      }
      if (ids.length > 0) w.log.add(w.now, 'registered', `${svc.node.id}: instance${ids.length > 1 ? 's' : ''} ${ids.join(', ')} registered`, svc.node.id);
      if (svc.health) w.q.push(this.node.rngKind.next() * svc.health.periodMs, EV_KIND, this.node.index, timer(svc.index, T_PROBE));
    }
    w.q.push(this.node.rngKind.next() * cacheRefreshMs, EV_KIND, this.node.index, timer(0, T_REFRESH));
  }

  onEvent(w: World, payload: number): void {
    const id = payload >> 2;
    switch (payload & 3) {
      case T_LEASE: this.onLeaseTimer(w, this.leases[id]); return;
      case T_PUSH_REMOVAL: this.onPushRemoval(w, this.leases[id]); return;
      case T_REFRESH: this.onRefresh(w); return;
      case T_PROBE: this.onProbe(w, this.watched[id]); return;
    }
  }

  private lease(svc: Watched, i: number): Lease {
    let lease = svc.leases[i];
    if (lease === undefined) {
      for (let k = svc.leases.length; k <= i; k++) {
        const l = new Lease(this.leases.length, svc, k);
        this.leases.push(l);
        svc.leases.push(l);
      }
      lease = svc.leases[i];
    }
    return lease;
  }

  /** Sets the lease's one timer to its next due moment (heartbeat or, registry up, expiry). */
  private arm(w: World, lease: Lease): void {
    const expiry = lease.registered && this.up() ? lease.lastRenewal + this.settings.evictionMs : Infinity;
    const next = Math.max(w.now, Math.min(lease.beatAt, expiry));
    if (next === lease.timerAt) return;
    lease.timerAt = next;
    if (next < Infinity) w.q.push(next, EV_KIND, this.node!.index, timer(lease.id, T_LEASE));
  }

  private register(w: World, lease: Lease): void {
    lease.registered = true;
    lease.lastRenewal = w.now;
    lease.failedProbes = 0;
    this.registrations++;
    w.log.add(w.now, 'registered', `${lease.svc.node.id} instance ${lease.instance} registered`, lease.svc.node.id);
  }

  private unregister(lease: Lease): void {
    lease.registered = false;
    lease.failedProbes = 0;
  }

  /** An instance became ready: it registers now (when the registry answers) and starts its heartbeats. */
  private onInstanceReady(w: World, svc: Watched, i: number): void {
    const lease = this.lease(svc, i);
    lease.beatAt = w.now + this.settings.heartbeatMs;
    if (this.up()) this.register(w, lease);
    this.arm(w, lease);
  }

  /** An instance went down: a crash just stops its heartbeats; a graceful stop deregisters. */
  private onInstanceDown(w: World, svc: Watched, i: number): void {
    const lease = this.lease(svc, i);
    lease.beatAt = Infinity;
    const st = svc.node.instances[i].state;
    if (st === INST_DRAINING || st === INST_GONE) this.deregisterGracefully(w, lease);
    this.arm(w, lease);
  }

  private deregisterGracefully(w: World, lease: Lease): void {
    if (!lease.registered || !this.up()) return;
    this.unregister(lease);
    this.deregistrations++;
    w.log.add(w.now, 'deregistered', `${lease.svc.node.id} instance ${lease.instance} deregistered (shut down)`, lease.svc.node.id);
  }

  private onLeaseTimer(w: World, lease: Lease): void {
    if (w.now !== lease.timerAt) return; // superseded
    lease.timerAt = Infinity;
    if (lease.beatAt <= w.now) {
      const st = lease.svc.node.instances[lease.instance].state;
      if (st === INST_READY) {
        lease.beatAt = w.now + this.settings.heartbeatMs;
        // A heartbeat to a registry that is down fails; one that is not known any more
        // (evicted, or removed by a health check) gets 404 and registers again, as Eureka's.
        if (this.up()) {
          if (lease.registered) lease.lastRenewal = w.now;
          else this.register(w, lease);
        }
      } else {
        // Scaled in (the engine does not report that as it happens) or down: no more heartbeats.
        lease.beatAt = Infinity;
        if (st === INST_DRAINING || st === INST_GONE) this.deregisterGracefully(w, lease);
      }
    }
    if (lease.registered && this.up() && w.now >= lease.lastRenewal + this.settings.evictionMs) {
      this.unregister(lease);
      this.evictions++;
      const silentS = Math.round((w.now - lease.lastRenewal) / 1000);
      w.log.add(w.now, 'evicted', `${lease.svc.node.id} instance ${lease.instance} evicted: no heartbeat for ${silentS} s`, lease.svc.node.id);
    }
    this.arm(w, lease);
  }

  /** Every cacheRefreshMs the callers fetch the registry's table, if it answers. */
  private onRefresh(w: World): void {
    w.q.push(w.now + this.settings.cacheRefreshMs, EV_KIND, this.node!.index, timer(0, T_REFRESH));
    if (!this.up()) return;
    this.refreshes++;
    for (const svc of this.watched) {
      const next: number[] = [];
      for (const lease of svc.leases) if (lease.registered) next.push(lease.instance);
      this.setVisible(w, svc, next, '');
    }
  }

  /** Readiness probes of one service: every registered instance, every periodMs. */
  private onProbe(w: World, svc: Watched): void {
    const hc = svc.health!;
    w.q.push(w.now + hc.periodMs, EV_KIND, this.node!.index, timer(svc.index, T_PROBE));
    if (!this.up()) return;
    for (const lease of svc.leases) {
      if (!lease.registered) continue;
      if (svc.node.instances[lease.instance].state === INST_READY) {
        lease.failedProbes = 0;
        continue;
      }
      if (++lease.failedProbes < hc.failureThreshold) continue;
      this.unregister(lease);
      this.healthCheckRemovals++;
      w.log.add(w.now, 'health-check-failed', `${svc.node.id} instance ${lease.instance} failed ${hc.failureThreshold} health check${hc.failureThreshold > 1 ? 's' : ''} in a row: removed from the registry`, svc.node.id);
      w.q.push(w.now + ENDPOINT_PROPAGATION_MS, EV_KIND, this.node!.index, timer(lease.id, T_PUSH_REMOVAL));
    }
  }

  /** A health check's removal reaches the callers' cache (unless the instance came back). */
  private onPushRemoval(w: World, lease: Lease): void {
    if (lease.registered) return;
    const list = lease.svc.cache.visible;
    if (!list.includes(lease.instance)) return;
    this.setVisible(w, lease.svc, list.filter((i) => i !== lease.instance), ': the health check\'s removal reached them');
  }

  private setVisible(w: World, svc: Watched, next: number[], why: string): void {
    const cur = svc.cache.visible;
    if (cur.length === next.length && cur.every((x, k) => x === next[k])) return;
    svc.cache.visible = next;
    this.refreshChanges++;
    const show = (xs: number[]) => (xs.length ? xs.join(', ') : 'none');
    w.log.add(w.now, 'cache-refresh', `callers of ${svc.node.id} now see instances ${show(next)} (were ${show(cur)})${why}`, svc.node.id);
  }

  /**
   * The registry is back after all its instances were down. Its leases restart from now, so
   * that instances silent during the outage are not all evicted at once (what Eureka's
   * self-preservation guards against); the live ones renew or register at their next heartbeat.
   */
  private onServerReady(w: World): void {
    if (this.node === null || this.node.readyCount !== 1) return;
    for (const lease of this.leases) {
      if (lease.registered) lease.lastRenewal = w.now;
      this.arm(w, lease);
    }
  }

  // ---- statistics --------------------------------------------------------------------------

  registeredCount(): number {
    let k = 0;
    for (const lease of this.leases) if (lease.registered) k++;
    return k;
  }

  visibleCount(): number {
    let k = 0;
    for (const svc of this.watched) k += svc.cache.visible.length;
    return k;
  }

  resetStats(): void {
    this.registrations = this.deregistrations = this.evictions = this.healthCheckRemovals = 0;
    this.refreshes = this.refreshChanges = 0;
    for (const svc of this.watched) svc.cache.staleRouted = 0;
  }

  report(): Record<string, unknown> {
    const services: Record<string, { registered: number; visible: number; staleRoutedRequests: number }> = {};
    for (const svc of this.watched) {
      let registered = 0;
      for (const lease of svc.leases) if (lease.registered) registered++;
      services[svc.node.id] = { registered, visible: svc.cache.visible.length, staleRoutedRequests: svc.cache.staleRouted };
    }
    return {
      registered: this.registeredCount(),
      registrations: this.registrations,
      deregistrations: this.deregistrations,
      evictions: this.evictions,
      healthCheckRemovals: this.healthCheckRemovals,
      refreshes: this.refreshes,
      refreshChanges: this.refreshChanges,
      services,
    };
  }
}
