import type { Rng } from '../core/rng';
import { INST_READY, LB_LEAST_OUTSTANDING, LB_P2C, LB_RANDOM, LB_ROUND_ROBIN } from './codes';
import type { Instance } from './instance';

export { LB_LEAST_OUTSTANDING, LB_P2C, LB_RANDOM, LB_ROUND_ROBIN };
export const LB_CODES: Record<string, number> = {
  'round-robin': LB_ROUND_ROBIN,
  random: LB_RANDOM,
  'least-outstanding': LB_LEAST_OUTSTANDING,
  'power-of-two-choices': LB_P2C,
};

/** What a balancer remembers between picks. */
export interface BalancerState {
  rr: number;
}

/**
 * Picks a ready instance for a new request, or -1 when none is ready. Only ready instances
 * are eligible, as Envoy and Kubernetes endpoints only list ready, non-ejected hosts.
 * `readyCount` lets the common case (all ready) skip the eligibility scan.
 */
export function pickInstance(lb: number, insts: Instance[], readyCount: number, st: BalancerState, rng: Rng): number {
  const n = insts.length;
  if (readyCount === 0) return -1;
  switch (lb) {
    case LB_ROUND_ROBIN: {
      for (let k = 0; k < n; k++) {
        const i = (st.rr + k) % n;
        if (insts[i].state === INST_READY) {
          st.rr = i + 1;
          return i;
        }
      }
      return -1;
    }
    case LB_RANDOM:
      return nthReady(insts, readyCount, Math.floor(rng.next() * readyCount));
    case LB_LEAST_OUTSTANDING: {
      // Full scan for the fewest requests in flight; the scan starts at a rotating offset
      // so that ties do not always land on the first instance.
      let best = -1, bestLoad = Infinity;
      const start = st.rr;
      st.rr = (st.rr + 1) % n;
      for (let k = 0; k < n; k++) {
        const i = (start + k) % n;
        const inst = insts[i];
        if (inst.state !== INST_READY) continue;
        const load = inst.busy + inst.queue.length;
        if (load < bestLoad) {
          bestLoad = load;
          best = i;
        }
      }
      return best;
    }
    case LB_P2C: {
      // Two distinct random choices, keep the less loaded (Mitzenmacher); ties go to the first.
      if (readyCount === 1) return nthReady(insts, 1, 0);
      const a = Math.floor(rng.next() * readyCount);
      let b = Math.floor(rng.next() * (readyCount - 1));
      if (b >= a) b++;
      const ia = nthReady(insts, readyCount, a);
      const ib = nthReady(insts, readyCount, b);
      return insts[ib].busy + insts[ib].queue.length < insts[ia].busy + insts[ia].queue.length ? ib : ia;
    }
  }
  return -1;
}

function nthReady(insts: Instance[], readyCount: number, k: number): number {
  if (readyCount === insts.length) return k;
  for (let i = 0; i < insts.length; i++) {
    if (insts[i].state === INST_READY && k-- === 0) return i;
  }
  return -1;
}
