/**
 * What scaling keeps per run: one record per service (its size, its autoscaler, a rolling
 * resize in progress) and the cost meter. Kept beside the world, not in it, so the hot
 * path's NodeRt stays as it is.
 */
import { INST_GONE } from '../runtime/codes';
import type { NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';
import { CostMeter } from './cost';
import type { HorizontalPodAutoscaler } from './hpa';
import { SIZES, type SizeName } from './sizes';
import type { UslParams } from './usl';

/** Phases of the one instance a rolling resize is restarting. */
export const RESIZE_IDLE = 0;
/** Out of rotation, finishing the requests it holds. */
export const RESIZE_DRAINING = 1;
/** Restarted with the new size, not ready before startupMs. */
export const RESIZE_BOOTING = 2;

/** Scaling state of one service. */
export class ServiceScaling {
  /** Size new instances get, and the one a rolling resize moves every instance to. */
  size: SizeName;
  /** Workers per instance on a `small` instance (the scenario's `concurrency`). */
  baseConcurrency: number;
  /** Size of each instance, by instance index (instances are never removed from the list). */
  readonly instSize: SizeName[] = [];
  hpa: HorizontalPodAutoscaler | null = null;
  /** When the autoscaler next decides; it runs on the first whole second at or after this. */
  nextSyncMs = 0;
  /** The node's busy and capacity integrals at the last sync (utilization over the period). */
  lastBusyArea = 0;
  lastCapArea = 0;
  /** The instance a rolling resize is restarting, or -1 (always while not `resizing`), and where it is. */
  restarting = -1;
  phase = RESIZE_IDLE;
  /** A resize is under way (some ready instance may still have the old size). */
  resizing = false;
  /** The down instance the resize last said it waits for (logged once), or -1. */
  waitingFor = -1;
  /** Guards the resize step against re-entry through the hooks it triggers. */
  advancing = false;
  /** The capacity listener installed while a resize waits for a drain to finish. */
  listener: ((w: World) => void) | null = null;

  constructor(
    readonly node: NodeRt,
    size: SizeName,
    readonly usl: UslParams,
    baseConcurrency: number,
  ) {
    this.size = size;
    this.baseConcurrency = baseConcurrency;
  }

  /**
   * Records the size of instances created since the last look (by the autoscaler, a live
   * `setInstances` or a fault): they were made with the node's settings, which are the
   * current target size's. Call before the target size changes.
   */
  syncInstances(): void {
    const list = this.instSize;
    for (let i = list.length; i < this.node.instances.length; i++) list.push(this.size);
  }

  /** Dollars per hour of the instances that exist now (every state but gone). */
  ratePerHour(): number {
    this.syncInstances();
    let rate = 0;
    const insts = this.node.instances;
    for (let i = 0; i < insts.length; i++) if (insts[i].state !== INST_GONE) rate += SIZES[this.instSize[i]].pricePerHour;
    return rate;
  }
}

/** Scaling state of a run. */
export interface ScalingState {
  /** Per node index; null for nodes that are not services. */
  readonly byNode: (ServiceScaling | null)[];
  readonly services: ServiceScaling[];
  readonly meter: CostMeter;
}

const states = new WeakMap<World, ScalingState>();

/** Creates the scaling state of a world (once, when scaling is attached). */
export function createScalingState(w: World): ScalingState {
  const st: ScalingState = { byNode: w.nodes.map(() => null), services: [], meter: new CostMeter(w.nodes.length) };
  states.set(w, st);
  return st;
}

/** The scaling state of a world, or undefined if scaling was never attached. */
export function scalingStateOf(w: World): ScalingState | undefined {
  return states.get(w);
}

/** The scaling record of a service node; throws for any other node. */
export function serviceScaling(w: World, n: NodeRt): ServiceScaling {
  const ss = states.get(w)?.byNode[n.index] ?? null;
  if (ss === null) throw new Error(`"${n.id}" is not a service: only services have a size and an autoscaler`);
  return ss;
}

/** Brings a service's cost rate up to date; call after its instances or their sizes change. */
export function refreshCost(w: World, ss: ServiceScaling): void {
  const st = states.get(w);
  if (!st) return;
  const rate = ss.ratePerHour();
  if (rate !== st.meter.rateOf(ss.node.index)) st.meter.setRate(w.now, ss.node.index, rate);
}
