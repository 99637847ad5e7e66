import { respond } from '../../calls/pipeline';
import { Registry } from '../../discovery/registry';
import { FAIL_REJECTED } from '../../runtime/codes';
import type { NodeRt } from '../../runtime/nodeRuntime';
import type { World } from '../../runtime/world';
import type { NodeBehaviour } from '../behaviour';
import { buildStation } from '../buildStation';
import { defineKind } from '../types';
import { registrySchema } from './schema';
import { registryDeploy } from './deploy';

const registryOf = (n: NodeRt) => n.state as Registry;

/**
 * The registry's rules live in discovery/registry.ts; this adapts them to the node
 * hooks. A registry is never called over an edge (its traffic is not modelled as requests).
 */
export const registryBehaviour: NodeBehaviour = {
  arrive(w: World, n: NodeRt, j: number) {
    n.rejected++;
    respond(w, j, FAIL_REJECTED);
  },
  start: (w, n) => registryOf(n).start(w),
  onEvent: (w, n, payload) => registryOf(n).onEvent(w, payload),
  resetStats: (_w, n) => registryOf(n).resetStats(),
  report: (_w, n) => registryOf(n).report(),
  series: ['registered', 'visible'],
  sample(_w, n, out) {
    const r = registryOf(n);
    out.push(r.registeredCount(), r.visibleCount());
  },
  live: (_w, n) => ({ registered: registryOf(n).registeredCount(), visible: registryOf(n).visibleCount() }),
};

export const registryKind = defineKind({
  kind: 'registry',
  title: 'Registry',
  description: 'Where instances register and callers look them up (service discovery).',
  schema: registrySchema,
  canCall: false,
  canBeCalled: false,
  capabilities: {},
  example: (id) => ({ id, kind: 'registry' as const }),
  build: (node, ctx) => {
    // Instances (registry servers) so that faults can take the registry down.
    const n = buildStation({
      id: node.id, kind: node.kind, instances: node.instances, workers: 1, queueCapacity: 0, serviceTimeMs: 1,
      loadBalancer: 'round-robin', startupMs: 0, parallel: false,
    }, ctx);
    const registry = new Registry({ heartbeatMs: node.heartbeatMs, evictionMs: node.evictionMs, cacheRefreshMs: node.cacheRefreshMs });
    n.state = registry;
    n.behaviour = registryBehaviour;
    registry.bindNode(n);
    return n;
  },
  crossCheckAll(registries, ctx) {
    if (registries.length > 1) ctx.warnings.push(`${registries.length} registries: services register with the first one ("${registries[0].id}") only`);
    if (registries.length > 0) return;
    for (const n of ctx.scenario.nodes) {
      if (ctx.kindOf(n.kind)?.discovery?.(n).healthCheck) ctx.warnings.push(`healthCheck on "${n.id}" has no effect without a registry: discovery is already ideal and instant`);
    }
  },
  deploy: registryDeploy,
});
