import type { Distribution } from '../../core/distributions';
import type { AutoscaleConfig } from '../../scaling/autoscaleSchema';
import { DEFAULT_SIZE, DEFAULT_USL, sizeEffect, type SizeName } from '../../scaling/sizes';
import { buildStation } from '../buildStation';
import { defineKind } from '../types';
import { setOperations } from './operations';
import { serviceSchema } from './schema';
import { serviceDeploy } from './deploy';

export const serviceKind = defineKind({
  kind: 'service',
  title: 'Service',
  description: 'Instances with workers that do some work, call what they depend on, and answer.',
  schema: serviceSchema,
  canCall: true,
  canBeCalled: true,
  capabilities: { instances: true, chaos: true, consumer: true },
  example: (id) => ({ id, kind: 'service' as const, instances: 2, concurrency: 4, serviceTimeMs: { dist: 'exponential' as const, mean: 20 } }),
  build: (node, ctx) => {
    // `concurrency` is the worker count on a small instance; a bigger size holds more workers,
    // slowed, as they fill, by the Universal Scalability Law's contention and coherency (sizes.ts).
    const size = sizeEffect(node.size ?? DEFAULT_SIZE, node.usl ?? DEFAULT_USL, node.concurrency);
    const n = buildStation({
      ...node,
      workers: size.concurrency,
      sizeFactors: size.factorByBusy,
      parallel: node.callOrder === 'parallel',
    }, ctx);
    if (node.operations) setOperations(n, node.operations, ctx);
    return n;
  },
  liveFields: {
    instances: (node, v: number) => ({ type: 'setInstances', node, instances: v }),
    concurrency: (node, v: number) => ({ type: 'setConcurrency', node, concurrency: v }),
    serviceTimeMs: (node, v: Distribution) => ({ type: 'setServiceTime', node, serviceTimeMs: v }),
    // A field taken out of the scenario means its default: the default size, no autoscaler.
    size: (node, v: SizeName | undefined) => ({ type: 'setSize', node, size: v ?? DEFAULT_SIZE }),
    autoscale: (node, v: AutoscaleConfig | undefined) => ({ type: 'setAutoscale', node, autoscale: v ?? null }),
  },
  crossCheck(n, i, ctx) {
    n.operations?.forEach((o, k) => o.calls.forEach((to, m) => ctx.needsEdge(`nodes[${i}].operations[${k}].calls[${m}]`, n.id, to)));
    if (n.sessions === 'store') {
      if (!n.sessionStore) ctx.problems.push({ path: `nodes[${i}].sessionStore`, message: 'sessions "store" needs sessionStore: the node that holds them' });
      else ctx.needsEdge(`nodes[${i}].sessionStore`, n.id, n.sessionStore);
    }
  },
  scaling: (node) => ({ size: node.size ?? DEFAULT_SIZE, usl: node.usl ?? DEFAULT_USL, concurrency: node.concurrency, autoscale: node.autoscale }),
  discovery: (node) => ({ healthCheck: node.healthCheck ?? null }),
  sessions: (node) => ({ mode: node.sessions, store: node.sessionStore }),
  // Read off the node's picker, not the sticky-session module, so the page's first load stays without it.
  report: (_w, n) => ({ sessionsLost: n.sessions?.lost ?? 0 }),
  deploy: serviceDeploy,
});
