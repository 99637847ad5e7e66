import { EV_KIND, INST_READY } from '../runtime/codes';
import type { World } from '../runtime/world';
import { timer, T_PROBE, T_PUSH_REMOVAL, T_REFRESH, type Lease, type Watched } from './lease';
import type { Registry } from './registry';

/**
 * Delay between a health check taking an instance out and its callers no longer sending to
 * it: Kubernetes endpoint propagation (kubelet -> API server -> EndpointSlice -> kube-proxy)
 * takes from under a second to a few seconds; microcosm uses one second.
 */
export const ENDPOINT_PROPAGATION_MS = 1000;

/**
 * What the callers of the watched services see of the registry: their cached lists, which
 * they refresh every cacheRefreshMs while it answers, and the readiness probes whose
 * removals reach them after {@link ENDPOINT_PROPAGATION_MS}. The leases themselves (who is
 * registered) are the registry's.
 */
export class CallerView {
  /** Cache refreshes the callers made (only while the registry was up). */
  refreshes = 0;
  /** Refreshes that changed what callers see. */
  refreshChanges = 0;
  healthCheckRemovals = 0;

  constructor(
    private readonly registry: Registry,
    private readonly cacheRefreshMs: number,
  ) {}

  /** The first probe of a service falls anywhere within one period. */
  armProbe(w: World, node: number, svc: Watched): void {
    if (svc.health) w.q.push(w.nodes[node].rngKind.next() * svc.health.periodMs, EV_KIND, node, timer(svc.index, T_PROBE));
  }

  /** The first refresh falls anywhere within one period. */
  armRefresh(w: World, node: number): void {
    w.q.push(w.nodes[node].rngKind.next() * this.cacheRefreshMs, EV_KIND, node, timer(0, T_REFRESH));
  }

  /** Every cacheRefreshMs the callers fetch the registry's table, if it answers. */
  onRefresh(w: World, node: number, watched: readonly Watched[]): void {
    w.q.push(w.now + this.cacheRefreshMs, EV_KIND, node, timer(0, T_REFRESH));
    if (!this.registry.up()) return;
    this.refreshes++;
    for (const svc of watched) {
      const next: number[] = [];
      for (const lease of svc.leases) if (lease.registered) next.push(lease.instance);
      this.setVisible(w, svc, next, '');
    }
  }

  /** Readiness probes of one service: every registered instance, every periodMs. */
  onProbe(w: World, node: number, svc: Watched): void {
    const hc = svc.health!;
    w.q.push(w.now + hc.periodMs, EV_KIND, node, timer(svc.index, T_PROBE));
    if (!this.registry.up()) return;
    for (const lease of svc.leases) {
      if (!lease.registered) continue;
      if (svc.node.instances[lease.instance].state === INST_READY) {
        lease.failedProbes = 0;
        continue;
      }
      if (++lease.failedProbes < hc.failureThreshold) continue;
      this.registry.unregister(lease);
      this.healthCheckRemovals++;
      w.log.add(w.now, 'health-check-failed', `${svc.node.id} instance ${lease.instance} failed ${hc.failureThreshold} health check${hc.failureThreshold > 1 ? 's' : ''} in a row: removed from the registry`, svc.node.id);
      w.q.push(w.now + ENDPOINT_PROPAGATION_MS, EV_KIND, node, timer(lease.id, T_PUSH_REMOVAL));
    }
  }

  /** A health check's removal reaches the callers' cache (unless the instance came back). */
  onPushRemoval(w: World, lease: Lease): void {
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

  resetStats(watched: readonly Watched[]): void {
    this.refreshes = this.refreshChanges = this.healthCheckRemovals = 0;
    for (const svc of watched) svc.cache.staleRouted = 0;
  }
}
