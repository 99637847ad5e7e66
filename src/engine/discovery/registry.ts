import { EV_KIND, INST_DRAINING, INST_GONE, INST_READY } from '../runtime/codes';
import type { NodeRt } from '../runtime/nodeRuntime';
import { addInstanceHooks } from '../runtime/stations';
import type { World } from '../runtime/world';
import { CallerView } from './callerView';
import { Lease, T_LEASE, T_PROBE, T_PUSH_REMOVAL, T_REFRESH, timer, Watched, type HealthCheckSettings } from './lease';

/** Settings of a registry node (its schema's output). */
export interface RegistrySettings {
  heartbeatMs: number;
  evictionMs: number;
  cacheRefreshMs: number;
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
  /** What the callers see of this registry (their caches, the readiness probes). */
  private readonly view: CallerView;

  constructor(readonly settings: RegistrySettings) {
    this.view = new CallerView(this, settings.cacheRefreshMs);
  }

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
    const { heartbeatMs } = this.settings;
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
      this.view.armProbe(w, this.node.index, svc);
    }
    this.view.armRefresh(w, this.node.index);
  }

  onEvent(w: World, payload: number): void {
    const id = payload >> 2;
    switch (payload & 3) {
      case T_LEASE: this.onLeaseTimer(w, this.leases[id]); return;
      case T_PUSH_REMOVAL: this.view.onPushRemoval(w, this.leases[id]); return;
      case T_REFRESH: this.view.onRefresh(w, this.node!.index, this.watched); return;
      case T_PROBE: this.view.onProbe(w, this.node!.index, this.watched[id]); return;
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

  /** Takes the lease out of the table (its instance is no longer registered). */
  unregister(lease: Lease): void {
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
    this.registrations = this.deregistrations = this.evictions = 0;
    this.view.resetStats(this.watched);
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
      healthCheckRemovals: this.view.healthCheckRemovals,
      refreshes: this.view.refreshes,
      refreshChanges: this.view.refreshChanges,
      services,
    };
  }
}
