import { compileDistribution } from '../../core/sampler';
import { NodeRt } from '../../runtime/nodeRuntime';
import { defineKind } from '../types';
import { CacheState, cacheBehaviour } from './behaviour';
import { CacheModel } from './model';
import { cacheSchema } from './schema';
import { cacheDeploy } from './deploy';

export const cacheKind = defineKind({
  kind: 'cache',
  title: 'Cache',
  description: 'A cache in front of a service or database (as Redis): hits answer fast, misses call through and fill it.',
  schema: cacheSchema,
  canCall: true,
  canBeCalled: true,
  // No instances of its own in the model: kill-service takes the whole cache down (it restarts empty).
  capabilities: { flushable: true },
  crossCheck(node, _i, ctx) {
    if (!ctx.scenario.edges.some((e) => e.from === node.id)) ctx.warnings.push(`cache "${node.id}" calls nothing: a miss has no origin to fetch from (connect it to the service or database it caches)`);
  },
  example: (id) => ({ id, kind: 'cache' as const, keys: 10_000, zipfS: 1, capacity: 1_000, ttlMs: 60_000 }),
  build: (node, ctx) => {
    const n = new NodeRt(ctx.index, node.id, node.kind);
    const rng = ctx.stream('lookups');
    const model = new CacheModel({
      hitRatio: node.hitRatio, keys: node.keys, zipfS: node.zipfS, capacity: node.capacity, ttlMs: node.ttlMs, warmAtStart: node.warmAtStart,
    }, 0, rng);
    n.state = new CacheState(model, compileDistribution(node.hitTimeMs), rng);
    n.behaviour = cacheBehaviour;
    // A lookup holds no worker: Redis answers far more lookups a second than a classroom sends.
    n.workers = 0;
    return n;
  },
  deploy: cacheDeploy,
});
