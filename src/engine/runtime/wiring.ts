import type { Handler } from '../core/loop';
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
 * The one module that knows every rule: it fills the event loop's handler table and the
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

/** Type 0 is no event: reaching it is a programming error, not a scenario's. */
function noEvent(_w: World, a: number, b: number): void {
  throw new Error(`event of unknown type 0 (${a}, ${b})`);
}

function handlerTable(): Handler<World>[] {
  const t: Handler<World>[] = [];
  t[0] = noEvent;
  t[EV_CLIENT_ARRIVAL] = clientArrival;
  t[EV_DELIVER] = arrive;
  t[EV_SERVICE_DONE] = onServiceDone;
  t[EV_RESPONSE] = deliverResponse;
  t[EV_TIMEOUT] = onTimeout;
  t[EV_TICK] = onTick;
  t[EV_CLIENT_RATE] = clientRate;
  t[EV_THINK_DONE] = thinkDone;
  t[EV_WARMUP_END] = warmupEnd;
  t[EV_INSTANCE_READY] = instanceReady;
  t[EV_RETRY] = onRetry;
  t[EV_BULKHEAD_EXPIRE] = onBulkheadExpire;
  t[EV_FALLBACK_DONE] = onFallbackDone;
  t[EV_FAULT_START] = faultStart;
  t[EV_FAULT_END] = faultEnd;
  t[EV_BREAKER_TIMER] = breakerTimer;
  t[EV_KIND] = kindTimer;
  for (let k = 0; k < t.length; k++) if (typeof t[k] !== 'function') throw new Error(`no handler for event type ${k}`);
  return t;
}

/**
 * What each event type does, indexed by its EV_* code (shared by every world: it holds no
 * state). Marked pure so that a bundle that imports the engine without running it (the
 * page's first load) can still leave the rules out.
 */
export const HANDLERS: readonly Handler<World>[] = /* @__PURE__ */ handlerTable();

/** The call tree's upward moves (shared by every world: plain functions). */
export const CALL_TREE: CallTree = { arrive, onChildResult, finishRoot, releaseWorker };
