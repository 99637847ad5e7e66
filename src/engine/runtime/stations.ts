import { sample } from '../core/sampler';
import { respond } from '../calls/pipeline';
import {
  EV_INSTANCE_READY, EV_SERVICE_DONE, FAIL_CRASHED, FAIL_ERROR, FAIL_NOT_FOUND, FAIL_REJECTED, INST_CRASHED, OK,
  INST_DRAINING, INST_GONE, INST_READY, INST_STARTING,
} from './codes';
import { beginCalls } from './flow';
import { Instance } from './instance';
import { F_REFUSED, J_CALLING, J_LIMBO, J_QUEUED, J_SERVICE } from './jobStates';
import { pickInstance } from './loadBalancer';
import type { NodeRt } from './nodeRuntime';
import type { World } from './world';

/**
 * Running stations (kinds/buildStation.ts builds them): nodes that serve requests on
 * instances with workers. A request picks a ready instance, takes a free worker or waits in that
 * instance's FIFO room, and holds its worker until its own work and its calls are done.
 */

export function arrive(w: World, j: number): void {
  const jobs = w.jobs;
  const n = w.nodes[jobs.node[j]];
  jobs.arrivedAt[j] = w.now;
  n.arrivals++;
  n.liveArrivals++;
  if (!n.plain || w.tracer !== null) {
    arriveSpecial(w, j, n);
    return;
  }
  const i = pickInstance(n.lb, n.instances, n.readyCount, n.lbState, n.rngBalancer);
  if (i < 0) {
    reject(w, j, n, n.crashedCount > 0 ? FAIL_CRASHED : FAIL_REJECTED);
    return;
  }
  admit(w, j, n, i);
}

/** Arrival at a node with something unusual in force: a kind's own rules or hooks, a fault. */
function arriveSpecial(w: World, j: number, n: NodeRt): void {
  const jobs = w.jobs;
  if (w.tracer !== null && jobs.span[j] >= 0) w.tracer.arrived(w, j);
  if (n.behaviour !== null) {
    n.behaviour.arrive(w, n, j);
    return;
  }
  if (n.blackholes > 0) {
    // Accepted and never answered: only the caller's timeout ends the wait.
    jobs.state[j] = J_LIMBO;
    return;
  }
  if (n.opOf !== null && n.opOf[jobs.path[j]] < 0) {
    reject(w, j, n, FAIL_NOT_FOUND);
    return;
  }
  const hooks = n.stationHooks;
  if (hooks !== null && hooks.admit !== null) {
    const cause = hooks.admit(w, n, j);
    if (cause !== OK) {
      reject(w, j, n, cause);
      return;
    }
  }
  const i = n.sessions !== null ? n.sessions.pick(w, n, j) : basePick(w, n, j);
  if (i < 0) {
    reject(w, j, n, n.crashedCount > 0 ? FAIL_CRASHED : FAIL_REJECTED);
    return;
  }
  if (n.instances[i].state !== INST_READY) {
    // A stale view (discovery not yet updated) sent us to an instance that is down: the
    // connection is refused at once.
    reject(w, j, n, FAIL_CRASHED);
    return;
  }
  admit(w, j, n, i);
}

/** The instance the balancer (or discovery's view, when there is one) gives request j; -1 if none. */
export function basePick(w: World, n: NodeRt, j: number): number {
  return n.discovery !== null ? n.discovery.pick(w, n, j) : pickInstance(n.lb, n.instances, n.readyCount, n.lbState, n.rngBalancer);
}

/** A worker of instance i if one is free, else its waiting room, else 503. */
function admit(w: World, j: number, n: NodeRt, i: number): void {
  const jobs = w.jobs;
  const inst = n.instances[i];
  jobs.inst[j] = i;
  if (inst.busy < inst.workers) startService(w, j, n, inst);
  else if (inst.queue.length < n.queueCap) {
    n.touch(w.now);
    jobs.state[j] = J_QUEUED;
    inst.queue.push(j);
    n.queued++;
  } else reject(w, j, n, FAIL_REJECTED);
}

/** Answers at once without serving: a full room (503), a rate limit (429), nothing up. */
export function reject(w: World, j: number, n: NodeRt, cause: number): void {
  n.rejected++;
  n.liveFailed++;
  w.jobs.flags[j] |= F_REFUSED;
  respond(w, j, cause);
}

function startService(w: World, j: number, n: NodeRt, inst: Instance): void {
  n.touch(w.now);
  inst.busy++;
  n.busy++;
  const jobs = w.jobs;
  jobs.state[j] = J_SERVICE;
  // A bigger instance slows a request only as its workers fill (sizes.ts); a lone one runs at core speed.
  const size = inst.sizeFactors === null ? 1 : inst.sizeFactors[inst.busy < inst.sizeFactors.length ? inst.busy : inst.sizeFactors.length - 1];
  let t: number;
  if (n.plain) t = sample(n.service!, n.rngService) * n.serviceFactor * size;
  else {
    t = sample(n.opOf === null ? n.service! : n.opService[n.opOf[jobs.path[j]]], n.rngService) * n.serviceFactor * size;
    t += n.faultDelayMs();
  }
  w.q.push(w.now + t, EV_SERVICE_DONE, j, jobs.gen[j]);
}

export function onServiceDone(w: World, j: number, gen: number): void {
  const jobs = w.jobs;
  if (jobs.gen[j] !== gen || jobs.state[j] !== J_SERVICE) return;
  const n = w.nodes[jobs.node[j]];
  if (n.plainLeaf) {
    releaseWorker(w, j, n, OK);
    return;
  }
  if (!n.plain && n.failsByFault()) {
    releaseWorker(w, j, n, FAIL_ERROR);
    return;
  }
  jobs.state[j] = J_CALLING;
  beginCalls(w, j, n);
}

/** The request is done here: free its worker, start the next waiting request, answer. */
export function releaseWorker(w: World, j: number, n: NodeRt, cause: number): void {
  const jobs = w.jobs;
  const inst = n.instances[jobs.inst[j]];
  n.touch(w.now);
  inst.busy--;
  n.busy--;
  n.countAnswer(w.now, jobs.arrivedAt[j], cause);
  if (inst.queue.length > 0 && inst.state !== INST_CRASHED) fillWorkers(w, n, inst);
  else if (inst.state === INST_DRAINING && inst.busy === 0) retire(inst);
  respond(w, j, cause);
  if (n.capacityListeners !== null) notifyCapacity(w, n);
}

/** Starts waiting requests while the instance has free workers (fewer after a live change). */
export function fillWorkers(w: World, n: NodeRt, inst: Instance): void {
  while (inst.busy < inst.workers && inst.queue.length > 0) {
    const k = inst.queue.shift();
    n.queued--;
    startService(w, k, n, inst);
  }
}

/** Lets whoever feeds this node by pulling (queue consumers) know that it can take more. */
export function notifyCapacity(w: World, n: NodeRt): void {
  const ls = n.capacityListeners;
  if (ls !== null) for (let k = 0; k < ls.length; k++) ls[k](w);
}

// ---- instances ---------------------------------------------------------------------------

export type InstanceHook = (w: World, n: NodeRt, instance: number) => void;

/**
 * Chains hooks onto `n.onReady` / `n.onDown`: hooks attached earlier run first, so the
 * order in which features are wired stays the order in which they hear of an instance.
 */
export function addInstanceHooks(n: NodeRt, hooks: { ready?: InstanceHook; down?: InstanceHook }): void {
  const { ready, down } = hooks;
  if (ready !== undefined) {
    const prev = n.onReady;
    n.onReady = prev === null ? ready : (w, node, i) => {
      prev(w, node, i);
      ready(w, node, i);
    };
  }
  if (down !== undefined) {
    const prev = n.onDown;
    n.onDown = prev === null ? down : (w, node, i) => {
      prev(w, node, i);
      down(w, node, i);
    };
  }
}

function setReady(n: NodeRt, inst: Instance, now: number): void {
  n.touchReady(now);
  inst.state = INST_READY;
  n.readyCount++;
  n.capacity += inst.workers;
}

function unsetReady(n: NodeRt, inst: Instance, state: number, now: number): void {
  if (inst.state === INST_READY) {
    n.touchReady(now);
    n.readyCount--;
    n.capacity -= inst.workers;
  }
  inst.state = state;
}

function retire(inst: Instance): void {
  inst.state = INST_GONE;
}

/** A new or restarted instance serves after the node's startupMs. */
function boot(w: World, n: NodeRt, i: number): void {
  const inst = n.instances[i];
  inst.since = w.now;
  if (n.startupMs > 0) {
    inst.state = INST_STARTING;
    inst.readyAtMs = w.now + n.startupMs;
    w.q.push(inst.readyAtMs, EV_INSTANCE_READY, n.index, i);
  } else {
    setReady(n, inst, w.now);
    n.onReady?.(w, n, i);
    notifyCapacity(w, n);
  }
}

export function onInstanceReady(w: World, n: NodeRt, i: number): void {
  const inst = n.instances[i];
  if (inst.state !== INST_STARTING || inst.readyAtMs !== w.now) return;
  n.touch(w.now);
  setReady(n, inst, w.now);
  w.log.add(w.now, 'ready', `${n.id} instance ${i} is ready`, n.id);
  n.onReady?.(w, n, i);
  notifyCapacity(w, n);
}

/** Sets the workers of every instance; the waiting ones start at once when there are more. */
export function setWorkers(w: World, n: NodeRt, workers: number): void {
  n.touch(w.now);
  n.workers = workers;
  for (const inst of n.instances) {
    if (inst.state === INST_READY) n.capacity += workers - inst.workers;
    inst.workers = workers;
    if (inst.state === INST_READY || inst.state === INST_DRAINING) fillWorkers(w, n, inst);
  }
  notifyCapacity(w, n);
}

/** Adds or removes instances; removed ones stop taking work and finish what they have. */
export function setInstances(w: World, n: NodeRt, count: number): void {
  n.touch(w.now);
  let live = 0;
  for (const x of n.instances) if (x.state !== INST_GONE && x.state !== INST_DRAINING) live++;
  const before = live;
  for (; live < count; live++) {
    const inst = new Instance();
    inst.workers = n.workers;
    inst.sizeFactors = n.sizeFactors;
    n.instances.push(inst);
    boot(w, n, n.instances.length - 1);
  }
  // Scale in: the newest instances go first (as a ReplicaSet prefers not-ready pods).
  for (let i = n.instances.length - 1; i >= 0 && live > count; i--) {
    const st = n.instances[i].state;
    if (st === INST_GONE || st === INST_DRAINING) continue;
    drainInstance(w, n, i);
    live--;
  }
  if (count !== before) w.log.add(w.now, 'scale', `${n.id}: ${before} -> ${count} instances`, n.id);
}

/**
 * Takes instance i (not gone or draining) out of service: it takes no new work, finishes
 * what it holds, and is retired once empty (at once if it holds nothing). Call `n.touch` first.
 */
export function drainInstance(w: World, n: NodeRt, i: number): void {
  const inst = n.instances[i];
  const wasCrashed = inst.state === INST_CRASHED;
  unsetReady(n, inst, INST_DRAINING, w.now);
  n.onDown?.(w, n, i);
  if (wasCrashed) n.crashedCount--;
  if (inst.busy === 0 && inst.queue.length === 0) retire(inst);
}

/**
 * Crashes one instance: everything it was serving or holding in its room fails at once
 * (callers see `crashed`), and calls those requests made are orphaned.
 */
export function crashInstance(w: World, n: NodeRt, i: number): void {
  const inst = n.instances[i];
  if (inst.state === INST_CRASHED || inst.state === INST_GONE) return;
  n.touch(w.now);
  const jobs = w.jobs;
  const victims: number[] = [];
  for (let j = 0; j < jobs.capacity; j++) {
    const st = jobs.state[j];
    if ((st === J_QUEUED || st === J_SERVICE || st === J_CALLING) && jobs.node[j] === n.index && jobs.inst[j] === i) victims.push(j);
  }
  n.busy -= inst.busy;
  n.queued -= inst.queue.length;
  inst.busy = 0;
  inst.queue.clear();
  unsetReady(n, inst, INST_CRASHED, w.now);
  n.crashedCount++;
  n.onDown?.(w, n, i);
  w.log.add(w.now, 'crash', `${n.id} instance ${i} crashed${victims.length ? `, failing ${victims.length} requests` : ''}`, n.id);
  for (const j of victims) {
    jobs.epoch[j]++;
    n.failed++;
    n.liveFailed++;
    respond(w, j, FAIL_CRASHED);
  }
}

/** Restarts a crashed instance: it is back after the node's startupMs. */
export function restartInstance(w: World, n: NodeRt, i: number): void {
  if (n.instances[i].state !== INST_CRASHED) return;
  rebootInstance(w, n, i);
}

/**
 * Boots a crashed or retired (drained) instance again, as {@link restartInstance} does. Kept
 * apart from it because a live or fault restart must leave a scaled-in instance gone; a
 * rolling resize restarts the instance it drained itself.
 */
export function rebootInstance(w: World, n: NodeRt, i: number): void {
  const inst = n.instances[i];
  if (inst.state !== INST_CRASHED && inst.state !== INST_GONE) return;
  n.touch(w.now);
  if (inst.state === INST_CRASHED) n.crashedCount--;
  boot(w, n, i);
  w.log.add(w.now, 'restart', `${n.id} instance ${i} restarting${n.startupMs > 0 ? ` (ready in ${n.startupMs} ms)` : ''}`, n.id);
}
