import type { Dispatch } from '../core/loop';
import { deliverResponse, onBulkheadExpire, onFallbackDone, onRetry, onTimeout } from '../calls/pipeline';
import { onTick } from '../metrics/tick';
import {
  EV_BREAKER_TIMER, EV_BULKHEAD_EXPIRE, EV_CLIENT_ARRIVAL, EV_CLIENT_RATE, EV_DELIVER, EV_FALLBACK_DONE, EV_FAULT_END,
  EV_FAULT_START, EV_INSTANCE_READY, EV_KIND, EV_RESPONSE, EV_RETRY, EV_SERVICE_DONE, EV_THINK_DONE, EV_TICK, EV_TIMEOUT,
  EV_WARMUP_END,
} from './codes';
import { finishRoot, onClientArrival, onRateChange, sendRequest } from './clients';
import { onChildResult } from './flow';
import { arrive, onInstanceReady, onServiceDone, releaseWorker } from './stations';
import type { CallTree, World } from './world';

/**
 * The one module that knows every rule: it wires the event loop's dispatch and the
 * world's call tree, and nothing imports it but the builder. Everything below it imports
 * only downwards.
 */

function clientArrival(w: World, a: number, b: number): void {
  onClientArrival(w, w.nodes[a], b);
}

function thinkDone(w: World, a: number): void {
  sendRequest(w, w.nodes[a]);
}

function clientRate(w: World, a: number): void {
  onRateChange(w, w.nodes[a]);
}

function instanceReady(w: World, a: number, b: number): void {
  onInstanceReady(w, w.nodes[a], b);
}

/** The end of warm-up: statistics start afresh from here. */
function warmupEnd(w: World): void {
  for (const n of w.nodes) {
    n.resetStats(w.now);
    n.client?.resetStats();
    n.behaviour?.resetStats?.(w, n);
  }
  for (const e of w.edges) e.resetStats();
}

function faultStart(w: World, a: number): void {
  w.faults?.begin(w, a);
}

function faultEnd(w: World, a: number): void {
  w.faults?.end(w, a);
}

function breakerTimer(w: World, a: number): void {
  w.edges[a].breaker?.poll(w.now);
}

function kindTimer(w: World, a: number, b: number): void {
  const n = w.nodes[a];
  n.behaviour?.onEvent?.(w, n, b);
}

/**
 * What each event type does, by its EV_* code: the loop's one dispatch function (see
 * core/loop.ts for why a switch and not a table). Shared by every world: it holds no state.
 */
export const dispatch: Dispatch<World> = (w, type, a, b) => {
  switch (type) {
    case EV_CLIENT_ARRIVAL: return clientArrival(w, a, b);
    case EV_DELIVER: return arrive(w, a);
    case EV_SERVICE_DONE: return onServiceDone(w, a, b);
    case EV_RESPONSE: return deliverResponse(w, a);
    case EV_TIMEOUT: return onTimeout(w, a, b);
    case EV_TICK: return onTick(w);
    case EV_CLIENT_RATE: return clientRate(w, a);
    case EV_THINK_DONE: return thinkDone(w, a);
    case EV_WARMUP_END: return warmupEnd(w);
    case EV_INSTANCE_READY: return instanceReady(w, a, b);
    case EV_RETRY: return onRetry(w, a, b);
    case EV_BULKHEAD_EXPIRE: return onBulkheadExpire(w, a, b);
    case EV_FALLBACK_DONE: return onFallbackDone(w, a, b);
    case EV_FAULT_START: return faultStart(w, a);
    case EV_FAULT_END: return faultEnd(w, a);
    case EV_BREAKER_TIMER: return breakerTimer(w, a);
    case EV_KIND: return kindTimer(w, a, b);
    // Type 0 is no event: reaching it, or a type nobody handles, is a programming error, not a scenario's.
    default: throw new Error(`event of unknown type ${type} (${a}, ${b})`);
  }
};

/** The call tree's upward moves (shared by every world: plain functions). */
export const CALL_TREE: CallTree = { arrive, onChildResult, finishRoot, releaseWorker };
