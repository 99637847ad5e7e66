import { defineKind } from '../types';
import { buildStation } from '../station';
import { DEFAULT_SIZE, DEFAULT_USL, sizeEffect } from '../../scaling/sizes';
import { serviceSchema } from './schema';
import { setOperations } from './operations';

export const serviceKind = defineKind({
  kind: 'service',
  title: 'Service',
  description: 'Instances with workers that do some work, call what they depend on, and answer.',
  schema: serviceSchema,
  canCall: true,
  canBeCalled: true,
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
});
