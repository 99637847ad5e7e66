import { call } from '../../calls/pipeline';
import { FAIL_NOT_FOUND, FAIL_RATE_LIMITED, OK } from '../../runtime/codes';
import { complete, nextCall, pickWeighted } from '../../runtime/flow';
import type { NodeRt } from '../../runtime/nodeRuntime';
import type { World } from '../../runtime/world';
import type { StationHooks } from '../stationHooks';
import { gatewayOf } from './state';

/**
 * A gateway is a station with three twists: a rate limit before it takes a request, then an
 * auth call (unless the client's token is cached), then the one service its route names
 * (or, without routes, every edge in turn). Its phases are kept in the request's `pending`:
 * 0 = auth next, 1 = route next, 2 = done.
 */

function admit(w: World, n: NodeRt, j: number): number {
  const g = gatewayOf(n);
  const bucket = g.rateLimit ?? g.rateLimitPerClient![w.jobs.client[j]];
  if (bucket !== null && !bucket.tryTake(w.now)) {
    n.rateLimited++;
    return FAIL_RATE_LIMITED;
  }
  return OK;
}

function beginCalls(w: World, n: NodeRt, j: number): void {
  w.jobs.pending[j] = 0;
  next(w, j, n);
}

function onCallOk(w: World, n: NodeRt, p: number): void {
  const g = gatewayOf(n);
  const jobs = w.jobs;
  if (jobs.pending[p] === 1 && g.authEdge >= 0) g.authCachedUntil![jobs.client[p]] = w.now + g.authCacheTtlMs;
  next(w, p, n);
}

function next(w: World, j: number, n: NodeRt): void {
  const jobs = w.jobs;
  const g = gatewayOf(n);
  if (jobs.pending[j] === 0) {
    jobs.pending[j] = 1;
    if (g.authEdge >= 0 && g.authCachedUntil![jobs.client[j]] <= w.now) {
      call(w, j, w.edges[g.authEdge]);
      return;
    }
  }
  if (jobs.pending[j] === 1) {
    jobs.pending[j] = 2;
    if (g.routes !== null) {
      const r = g.routes[jobs.path[j]];
      if (r < 0) {
        complete(w, j, n, FAIL_NOT_FOUND);
        return;
      }
      call(w, j, w.edges[pickWeighted(g.routeEdges[r], g.routeCum[r], w.rng)]);
      return;
    }
    nextCall(w, j, n);
    return;
  }
  if (g.routes === null) nextCall(w, j, n);
  else complete(w, j, n, OK);
}

/** A gateway's hooks; the admit step only when it has a rate limit (else it keeps the short path). */
export function gatewayHooks(rateLimited: boolean): StationHooks {
  return rateLimited ? LIMITED : UNLIMITED;
}

const LIMITED: StationHooks = { admit, beginCalls, onCallOk };
const UNLIMITED: StationHooks = { admit: null, beginCalls, onCallOk };
