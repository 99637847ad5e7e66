import { defineKind } from '../types';
import { buildStation } from '../station';
import { gatewaySchema } from './schema';
import { installRoutes } from './routing';
import { TokenBucket } from '../../calls/tokenBucket';

export const gatewayKind = defineKind({
  kind: 'gateway',
  title: 'API gateway',
  description: 'One entry point that routes each request by its path to the service behind it.',
  schema: gatewaySchema,
  canCall: true,
  canBeCalled: true,
  example: (id) => ({ id, kind: 'gateway' as const, routes: [] }),
  build: (node, ctx) => {
    const n = buildStation({ ...node, workers: node.concurrency, parallel: false }, ctx);
    n.gateway = true;
    installRoutes(n, node.routes, ctx.pathIds, ctx.edgeTo);
    const rl = node.rateLimit;
    if (rl) {
      const settings = { tokensPerSecond: rl.tokensPerSecond, burst: rl.burst ?? Math.max(1, Math.ceil(rl.tokensPerSecond)) };
      n.rateLimitSettings = settings;
      if (rl.per === 'client') n.rateLimitPerClient = Array.from({ length: ctx.nodeCount }, () => new TokenBucket(settings));
      else n.rateLimit = new TokenBucket(settings);
    }
    if (node.auth) {
      n.authEdge = ctx.edgeTo(node.auth.to);
      n.authCacheTtlMs = node.auth.cacheTtlMs;
      n.authCachedUntil = new Float64Array(ctx.nodeCount);
    }
    return n;
  },
});
