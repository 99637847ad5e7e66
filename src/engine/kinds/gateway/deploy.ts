import type { KindDeploy } from '../deploy';
import { stationLine } from '../service/deploy';
import { routeTargets, type GatewayNode } from './schema';

/**
 * A gateway is a proxy the team runs (the app image); with routes, the Kubernetes export
 * writes it as a Gateway API Gateway and HTTPRoute instead of a Deployment.
 */
export const gatewayDeploy: KindDeploy<GatewayNode> = {
  runtime: () => 'app',
  settings: (n) => ({
    replicas: n.instances,
    startupMs: n.startupMs,
    loadBalancer: n.loadBalancer,
    routes: n.routes.map((r) => ({ prefix: r.prefix, to: routeTargets(r.to), split: Array.isArray(r.to) })),
    rateLimited: n.rateLimit !== undefined,
    authBy: n.auth?.to,
  }),
  notes(n, words) {
    const out = [stationLine(n)];
    if (n.rateLimit) out.push(`Rate limit: ${n.rateLimit.tokensPerSecond} requests/s, bursts of ${n.rateLimit.burst ?? Math.ceil(n.rateLimit.tokensPerSecond)}, ${n.rateLimit.per === 'client' ? 'one bucket per client' : 'one bucket for all'}; over it, 429.`);
    if (n.auth) out.push(`Auth: every request is checked with ${n.auth.to} first${n.auth.cacheTtlMs > 0 ? `, a success cached ${words.spoken(n.auth.cacheTtlMs)}` : ''}.`);
    return out;
  },
};
