import { defineKind } from '../types';
import { buildStation } from '../buildStation';
import type { z } from 'zod';
import { gatewaySchema, splitAddsUpToZero, type GatewayNode, type routeSchema } from './schema';
import { installRoutes } from './routing';
import { setRoutesLive } from './live';
import { gatewayHooks } from './flow';
import { GatewayState, gatewayOf } from './state';
import { TokenBucket } from '../../calls/tokenBucket';
import { gatewayDeploy } from './deploy';

/** A gateway's own live change: its routes replaced, e.g. to move traffic weights step by step (strangler fig). */
export type GatewayChange = { type: 'setRoutes'; node: string; routes: z.input<typeof routeSchema>[] };

export const gatewayKind = defineKind<typeof gatewaySchema, GatewayChange>({
  kind: 'gateway',
  title: 'API gateway',
  description: 'One entry point that routes each request by its path to the service behind it.',
  schema: gatewaySchema,
  canCall: true,
  canBeCalled: true,
  capabilities: { instances: true, chaos: true, consumer: true },
  example: (id) => ({ id, kind: 'gateway' as const, routes: [] }),
  build: (node, ctx) => {
    const n = buildStation({ ...node, workers: node.concurrency, parallel: false }, ctx);
    const g = new GatewayState();
    n.state = g;
    installRoutes(g, node.routes, ctx.pathIds, ctx.edgeTo);
    const rl = node.rateLimit;
    if (rl) {
      const settings = { tokensPerSecond: rl.tokensPerSecond, burst: rl.burst ?? Math.max(1, Math.ceil(rl.tokensPerSecond)) };
      g.rateLimitSettings = settings;
      if (rl.per === 'client') g.rateLimitPerClient = Array.from({ length: ctx.nodeCount }, () => new TokenBucket(settings));
      else g.rateLimit = new TokenBucket(settings);
    }
    if (node.auth) {
      g.authEdge = ctx.edgeTo(node.auth.to);
      g.authCacheTtlMs = node.auth.cacheTtlMs;
      g.authCachedUntil = new Float64Array(ctx.nodeCount);
    }
    n.stationHooks = gatewayHooks(rl !== undefined);
    return n;
  },
  // The auth call is the gateway's own first step, not one of the calls it routes to.
  ownCalls: (node) => (node.auth ? [node.auth.to] : []),
  liveFields: {
    instances: (node, v: number) => ({ type: 'setInstances', node, instances: v }),
    concurrency: (node, v: number) => ({ type: 'setConcurrency', node, concurrency: v }),
    routes: (node, v: GatewayNode['routes']) => ({ type: 'setRoutes', node, routes: v }),
  },
  changes: {
    setRoutes: (w, n, change) => setRoutesLive(w, n, change.routes),
  },
  crossCheck(n, i, ctx) {
    n.routes.forEach((r, k) => {
      if (typeof r.to === 'string') ctx.needsEdge(`nodes[${i}].routes[${k}].to`, n.id, r.to);
      else {
        r.to.forEach((t, m) => ctx.needsEdge(`nodes[${i}].routes[${k}].to[${m}].service`, n.id, t.service));
        if (splitAddsUpToZero(r.to)) ctx.problems.push({ path: `nodes[${i}].routes[${k}].to`, message: 'the split weights add up to 0' });
      }
    });
    if (n.auth) ctx.needsEdge(`nodes[${i}].auth.to`, n.id, n.auth.to);
  },
  report: (_w, n) => (gatewayOf(n).rateLimitSettings ? { rateLimited: n.rateLimited } : null),
  deploy: gatewayDeploy,
});

