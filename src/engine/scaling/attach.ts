import { kindOf } from '../kinds';
import type { Scenario } from '../model';
import type { NodeRt } from '../runtime/nodeRuntime';
import { addInstanceHooks } from '../runtime/stations';
import type { World } from '../runtime/world';
import { attachSessions } from '../sessions/attach';
import { autoscaleSchema, type AutoscaleConfig } from './autoscaleSchema';
import { configureAutoscaler, syncAutoscaler } from './autoscaler';
import { advanceResize, onInstanceDown, resizeService } from './resize';
import { SIZE_NAMES, type SizeName } from './sizes';
import { createScalingState, refreshCost, serviceScaling, ServiceScaling } from './state';

/**
 * Wires autoscalers, instance sizes, sessions and the cost meter into a built world. Every
 * node whose kind has scaling settings (a service) is metered (its instances times its size's price); one with `autoscale` gets an
 * HPA that decides every `syncPeriodMs`. The per-second hook also notices instance changes
 * made elsewhere (live `setInstances`, faults) for the meter.
 */
export function attachScaling(w: World, scenario: Scenario): void {
  const st = createScalingState(w);
  scenario.nodes.forEach((node, index) => {
    const settings = kindOf(node.kind)?.scaling?.(node);
    if (!settings) return;
    const n = w.nodes[index];
    const ss = new ServiceScaling(n, settings.size, settings.usl, settings.concurrency);
    ss.syncInstances();
    st.byNode[index] = ss;
    st.services.push(ss);
    st.meter.setRate(0, index, ss.ratePerHour());
    if (settings.autoscale) configureAutoscaler(w, ss, settings.autoscale);
    // A resize waits for its restarted instance; the node's hooks move it on at once.
    addInstanceHooks(n, {
      ready: (world) => advanceResize(world, ss),
      down: (world, _node, i) => onInstanceDown(world, ss, i),
    });
  });
  attachSessions(w, scenario);
  if (st.services.length === 0) return;
  w.perSecond.push((world) => {
    for (const ss of st.services) {
      advanceResize(world, ss);
      syncAutoscaler(world, ss);
      refreshCost(world, ss);
    }
  });
}

/**
 * Live change: a new instance size for a service. New instances get it at once; running
 * ones restart into it one at a time (see resize.ts).
 */
export function setSize(w: World, n: NodeRt, size: SizeName): void {
  if (!(SIZE_NAMES as readonly string[]).includes(size)) throw new Error(`unknown size "${size}": one of ${SIZE_NAMES.join(', ')}`);
  resizeService(w, serviceScaling(w, n), size);
}

/**
 * Live change: turns a service's autoscaler on with new settings (omitted fields take their
 * defaults; the new autoscaler starts with no memory and first decides one sync period from
 * now) or off (null: the instances stay as they are).
 */
export function setAutoscale(w: World, n: NodeRt, input: unknown): void {
  const ss = serviceScaling(w, n);
  const cfg: AutoscaleConfig | null = input === null ? null : autoscaleSchema.parse(input);
  configureAutoscaler(w, ss, cfg);
  w.log.add(w.now, 'autoscale', cfg === null
    ? `${n.id}: autoscaler off`
    : `${n.id}: autoscaler on (${cfg.minReplicas}..${cfg.maxReplicas} replicas, target utilization ${cfg.targetUtilization.toFixed(2)})`, n.id);
}
