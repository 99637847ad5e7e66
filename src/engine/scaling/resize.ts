/**
 * Vertical scaling at run time: a service changes size by restarting its instances, as a VM
 * type change (stop, modify, start) or a VPA `Recreate` does. One instance at a time: it
 * leaves rotation, finishes the requests it holds (drain), and boots again with the new size,
 * ready after `startupMs`; then the next one, once no other instance is down (a starting or
 * crashed one is waited for, as a rolling update's maxUnavailable 1 does). A single instance therefore means downtime; several
 * mean a rolling restart with one instance's capacity missing at a time (maxUnavailable 1,
 * no surge).
 *
 * Built on the station's exported mechanics: the drained instance is retired by the station
 * when its last request ends (a capacity notification tells us), then brought back through
 * `rebootInstance`, which boots it after `startupMs`.
 */
import { INST_CRASHED, INST_DRAINING, INST_GONE, INST_READY, INST_STARTING } from '../runtime/codes';
import type { NodeRt } from '../runtime/nodeRuntime';
import { drainInstance, rebootInstance } from '../runtime/stations';
import type { World } from '../runtime/world';
import { loseSessionsOn } from '../sessions/sticky';
import { SIZES, sizeEffect, type SizeName } from './sizes';
import { refreshCost, RESIZE_BOOTING, RESIZE_DRAINING, RESIZE_IDLE, type ServiceScaling } from './state';

/**
 * The workers per small instance that the node's current worker count implies: normally the
 * scenario's `concurrency`, unless a live change set the concurrency since.
 */
function inferBaseConcurrency(ss: ServiceScaling): number {
  const expected = sizeEffect(ss.size, ss.usl, ss.baseConcurrency).concurrency;
  if (ss.node.workers === expected) return ss.baseConcurrency;
  return Math.max(1, Math.round((ss.node.workers * SIZES.small.vcpu) / SIZES[ss.size].vcpu));
}

/**
 * Changes the size of a running service: new instances get it at once, and a rolling restart
 * moves the ready ones to it one by one. Starting and crashed instances take the new size
 * directly (they are down anyway). No-op when the size is unchanged.
 */
export function resizeService(w: World, ss: ServiceScaling, size: SizeName): void {
  ss.syncInstances();
  if (size === ss.size) return;
  const n = ss.node;
  ss.baseConcurrency = inferBaseConcurrency(ss);
  const from = ss.size;
  ss.size = size;
  const fx = sizeEffect(size, ss.usl, ss.baseConcurrency);
  n.touch(w.now);
  n.workers = fx.concurrency;
  n.sizeFactors = fx.factorByBusy;
  let rolling = 0;
  for (let i = 0; i < n.instances.length; i++) {
    const s = n.instances[i].state;
    if (s === INST_STARTING || s === INST_CRASHED) applySize(ss, i);
    else if (s === INST_READY && ss.instSize[i] !== size && i !== ss.restarting) rolling++;
  }
  ss.resizing = true;
  w.log.add(w.now, 'resize', `${n.id}: ${from} -> ${size}${rolling > 0 ? `, restarting ${rolling} instance${rolling === 1 ? '' : 's'} one at a time` : ''}`, n.id);
  advanceResize(w, ss);
  refreshCost(w, ss);
}

/**
 * An instance went down (crash, stop): the one being restarted moves the resize on; any other
 * that still has the old size takes the new one now, so that it comes back resized.
 */
export function onInstanceDown(w: World, ss: ServiceScaling, i: number): void {
  advanceResize(w, ss);
  if (i === ss.restarting) return;
  ss.syncInstances();
  if (ss.node.instances[i].state === INST_CRASHED && ss.instSize[i] !== ss.size) {
    applySize(ss, i);
    refreshCost(w, ss);
  }
}

/** Gives a down instance (not ready: its workers are not in the node's capacity) the target size. */
function applySize(ss: ServiceScaling, i: number): void {
  const inst = ss.node.instances[i];
  const fx = sizeEffect(ss.size, ss.usl, ss.baseConcurrency);
  inst.workers = fx.concurrency;
  inst.sizeFactors = fx.factorByBusy;
  ss.instSize[i] = ss.size;
}

/**
 * Moves a rolling resize on as far as it can go now: finishes the drain of the instance being
 * restarted, notices that it is ready again, and takes the next one down. Safe to call at
 * any time (hooks, every second); does nothing when no resize is in progress.
 */
export function advanceResize(w: World, ss: ServiceScaling): void {
  // `restarting` is only ever set while resizing, so without a resize there is nothing to move on.
  if (!ss.resizing || ss.advancing) return;
  ss.advancing = true;
  try {
    stepResize(w, ss);
  } finally {
    ss.advancing = false;
  }
}

function stepResize(w: World, ss: ServiceScaling): void {
  const n = ss.node;
  ss.syncInstances();
  for (;;) {
    if (ss.restarting >= 0) {
      const i = ss.restarting;
      const inst = n.instances[i];
      if (ss.phase === RESIZE_DRAINING) {
        if (inst.state === INST_DRAINING) return;
        // Drained (the station retired it) or crashed meanwhile: boot it with the new size.
        applySize(ss, i);
        ss.phase = RESIZE_BOOTING;
        rebootInstance(w, n, i);
        refreshCost(w, ss);
      }
      // Booting: wait while it starts; ready, or taken away by something else, ends its turn.
      if (inst.state === INST_STARTING) return;
      ss.restarting = -1;
      ss.phase = RESIZE_IDLE;
    }
    const next = nextToRestart(ss);
    if (next < 0) {
      ss.resizing = false;
      ss.waitingFor = -1;
      removeListener(ss);
      return;
    }
    // One unavailable instance at a time (maxUnavailable 1): wait while another is down.
    const down = unavailable(ss);
    if (down >= 0) {
      if (ss.waitingFor !== down) {
        ss.waitingFor = down;
        w.log.add(w.now, 'resize', `${n.id}: resize waits for instance ${down} to be ready`, n.id);
      }
      return;
    }
    ss.waitingFor = -1;
    beginDrain(w, ss, next);
  }
}

/** An instance that should serve but does not (starting or crashed), or -1. */
function unavailable(ss: ServiceScaling): number {
  const insts = ss.node.instances;
  for (let i = 0; i < insts.length; i++) {
    const s = insts[i].state;
    if (s === INST_STARTING || s === INST_CRASHED) return i;
  }
  return -1;
}

function nextToRestart(ss: ServiceScaling): number {
  const insts = ss.node.instances;
  for (let i = 0; i < insts.length; i++) if (insts[i].state === INST_READY && ss.instSize[i] !== ss.size) return i;
  return -1;
}

/** Takes instance i out of rotation to restart it; it keeps serving what it already holds. */
function beginDrain(w: World, ss: ServiceScaling, i: number): void {
  const n = ss.node;
  const inst = n.instances[i];
  n.touch(w.now);
  // Set before the down hooks run: ours must see this instance as the one being restarted.
  ss.restarting = i;
  ss.phase = RESIZE_DRAINING;
  w.log.add(w.now, 'resize', `${n.id} instance ${i} stopping to restart as ${ss.size}${inst.busy + inst.queue.length > 0 ? ` (draining ${inst.busy + inst.queue.length} requests)` : ''}`, n.id);
  // The down hook of sticky sessions would lose them too, but only after discovery's hook has
  // logged the deregistration; losing them first keeps the event log in its order.
  loseSessionsOn(w, n, i);
  drainInstance(w, n, i);
  if (inst.state !== INST_GONE) installListener(ss);
}

/** Listens for freed workers (the station retires a drained instance then). */
function installListener(ss: ServiceScaling): void {
  if (ss.listener !== null) return;
  const n: NodeRt = ss.node;
  const fn = (w: World): void => {
    if (ss.phase === RESIZE_DRAINING && n.instances[ss.restarting].state !== INST_DRAINING) advanceResize(w, ss);
  };
  ss.listener = fn;
  (n.capacityListeners ??= []).push(fn);
}

function removeListener(ss: ServiceScaling): void {
  const fn = ss.listener;
  if (fn === null) return;
  ss.listener = null;
  const ls = ss.node.capacityListeners;
  if (ls === null) return;
  const k = ls.indexOf(fn);
  if (k >= 0) ls.splice(k, 1);
  // No listener left: the station skips the notification call again.
  if (ls.length === 0) ss.node.capacityListeners = null;
}
