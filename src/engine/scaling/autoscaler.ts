/**
 * The autoscaler at run time: every `syncPeriodMs` it measures a service's utilization, asks
 * the HPA kernel (hpa.ts) for a replica count and applies it. Scaling out boots new instances
 * (ready after `startupMs`); scaling in drains the newest ones, as a ReplicaSet removes
 * not-ready and young pods first.
 */
import { INST_DRAINING, INST_GONE } from '../runtime/codes';
import { setInstances } from '../runtime/stations';
import type { World } from '../runtime/world';
import { HorizontalPodAutoscaler } from './hpa';
import type { AutoscaleConfig } from './autoscaleSchema';
import { refreshCost, RESIZE_DRAINING, type ServiceScaling } from './state';

/**
 * Replicas the service is set to (Kubernetes `spec.replicas`): every instance that is not
 * gone or draining away, plus the one a rolling resize has taken down to restart.
 */
export function memberCount(ss: ServiceScaling): number {
  const insts = ss.node.instances;
  let count = 0;
  for (let i = 0; i < insts.length; i++) {
    const s = insts[i].state;
    if (s !== INST_GONE && s !== INST_DRAINING) count++;
    else if (i === ss.restarting && ss.phase === RESIZE_DRAINING) count++;
  }
  return count;
}

/**
 * Sets the service to `desired` replicas: boots new instances or drains the newest ones.
 * Through `setInstances`, with a count relative to the instances that exist, so draining
 * instances are neither counted nor chosen again.
 */
export function scaleTo(w: World, ss: ServiceScaling, desired: number): void {
  const n = ss.node;
  const delta = desired - memberCount(ss);
  if (delta === 0) return;
  ss.syncInstances();
  setInstances(w, n, n.replicas() + delta);
  ss.syncInstances();
  refreshCost(w, ss);
}

/** Turns the autoscaler of a service on (a fresh one, with no memory) or off (null). */
export function configureAutoscaler(w: World, ss: ServiceScaling, cfg: AutoscaleConfig | null): void {
  if (cfg === null) {
    ss.hpa = null;
    return;
  }
  ss.hpa = new HorizontalPodAutoscaler(cfg);
  ss.nextSyncMs = w.now + cfg.syncPeriodMs;
  const n = ss.node;
  n.touch(w.now);
  ss.lastBusyArea = n.busyArea;
  ss.lastCapArea = n.capArea;
}

/**
 * Runs the autoscaler if its sync is due. Utilization is busy worker time over worker time of
 * ready instances since the previous sync, read from the node's time integrals: starting and
 * crashed instances contribute no worker time (Kubernetes sets not-ready pods aside) and the
 * kernel counts them as idle when it considers a scale-up.
 */
export function syncAutoscaler(w: World, ss: ServiceScaling): void {
  const hpa = ss.hpa;
  if (hpa === null || w.now < ss.nextSyncMs) return;
  const period = hpa.config.syncPeriodMs;
  while (ss.nextSyncMs <= w.now) ss.nextSyncMs += period;
  const n = ss.node;
  n.touch(w.now);
  const busy = n.busyArea - ss.lastBusyArea;
  const cap = n.capArea - ss.lastCapArea;
  ss.lastBusyArea = n.busyArea;
  ss.lastCapArea = n.capArea;
  // Busy workers of draining instances still count in `busy` but not in `cap`: clamp.
  const utilization = cap > 0 ? Math.min(1, busy / cap) : NaN;
  const current = memberCount(ss);
  const ready = n.readyCount;
  const decision = hpa.decide(w.now, {
    currentReplicas: current,
    readyReplicas: ready,
    notReadyReplicas: Math.max(0, current - ready),
    utilization,
  });
  if (decision.desiredReplicas === current) return;
  w.log.add(w.now, 'autoscale', `${n.id}: ${current} -> ${decision.desiredReplicas} replicas (${decision.reason})`, n.id);
  scaleTo(w, ss, decision.desiredReplicas);
}
