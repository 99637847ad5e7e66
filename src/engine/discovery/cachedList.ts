import { INST_READY } from '../runtime/codes';
import { LB_LEAST_OUTSTANDING, LB_P2C, LB_RANDOM, LB_ROUND_ROBIN } from '../runtime/codes';
import type { InstancePicker, NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';

/**
 * The instances of one service that its callers can see: the list they fetched from the
 * registry at the last cache refresh (shared by every caller of the node: they all refresh
 * at the same moments). Requests are balanced over this list with the node's own rule, as
 * `pickInstance` does over the ready instances, but the callers do not know which listed
 * instances are still up: a listed instance that crashed is picked like any other, and the
 * station refuses the connection (`crashed`).
 *
 * With least-outstanding and power-of-two-choices a crashed instance has nothing
 * outstanding, so it attracts more than its share of requests: the "black hole" effect fast
 * failures have on load-aware balancers.
 */
export class CachedList implements InstancePicker {
  /** Instance indices, ascending; replaced (never mutated) when the callers learn a change. */
  visible: number[] = [];
  /** Requests sent to a listed instance that was not ready (refused at once). */
  staleRouted = 0;
  private rr = 0;

  pick(_w: World, n: NodeRt, _j: number): number {
    const list = this.visible;
    const len = list.length;
    if (len === 0) return -1;
    let i: number;
    switch (n.lb) {
      case LB_RANDOM:
        i = list[Math.floor(n.rngBalancer.next() * len)];
        break;
      case LB_LEAST_OUTSTANDING: {
        // Full scan from a rotating offset, so that ties do not always go to the first.
        const start = this.rr % len;
        this.rr = start + 1;
        i = list[start];
        let best = n.instances[i].outstanding;
        for (let k = 1; k < len && best > 0; k++) {
          const c = list[(start + k) % len];
          const load = n.instances[c].outstanding;
          if (load < best) {
            best = load;
            i = c;
          }
        }
        break;
      }
      case LB_P2C: {
        if (len === 1) {
          i = list[0];
          break;
        }
        const a = Math.floor(n.rngBalancer.next() * len);
        let b = Math.floor(n.rngBalancer.next() * (len - 1));
        if (b >= a) b++;
        const ia = list[a], ib = list[b];
        i = n.instances[ib].outstanding < n.instances[ia].outstanding ? ib : ia;
        break;
      }
      case LB_ROUND_ROBIN:
      default: {
        const k = this.rr % len;
        this.rr = k + 1;
        i = list[k];
      }
    }
    if (n.instances[i].state !== INST_READY) this.staleRouted++;
    return i;
  }
}
