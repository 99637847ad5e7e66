import type { TokenBucket } from '../../calls/tokenBucket';
import type { NodeRt } from '../../runtime/nodeRuntime';

/** What a gateway keeps at run time: its routes, its rate limit and its auth call. */
export class GatewayState {
  /** Route index per interned path id, -1 for no route (404); null: call every edge. */
  routes: Int32Array | null = null;
  /** Per route: the edges it splits over and their cumulative weights (null = one edge). */
  routeEdges: Int32Array[] = [];
  routeCum: (Float64Array | null)[] = [];
  routePrefixes: string[] = [];
  /** Token buckets: one, or one per client node. */
  rateLimit: TokenBucket | null = null;
  rateLimitPerClient: (TokenBucket | null)[] | null = null;
  rateLimitSettings: { tokensPerSecond: number; burst: number } | null = null;
  /** The edge to the auth service (-1: none) and until when each client's check holds. */
  authEdge = -1;
  authCacheTtlMs = 0;
  authCachedUntil: Float64Array | null = null;
}

export const gatewayOf = (n: NodeRt) => n.state as GatewayState;
