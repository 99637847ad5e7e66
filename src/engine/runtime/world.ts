import { sample } from '../core/sampler';
import { EventQueue } from '../core/eventQueue';
import { EventLog } from '../metrics/eventLog';
import { LiveWindow } from '../metrics/liveWindow';
import { SeriesStore } from '../metrics/series';
import { onTick, registerSeries } from '../metrics/tick';
import type { Tracer } from '../metrics/tracer';
import { deliverResponse, onBulkheadExpire, onFallbackDone, onRetry, onTimeout } from '../calls/pipeline';
import type { FaultBook } from '../faults/faultBook';
import {
  EV_BREAKER_TIMER, EV_BULKHEAD_EXPIRE, EV_CLIENT_ARRIVAL, EV_CLIENT_RATE, EV_DELIVER, EV_FALLBACK_DONE, EV_FAULT_END,
  EV_FAULT_START, EV_INSTANCE_READY, EV_RESPONSE, EV_RETRY, EV_SERVICE_DONE, EV_THINK_DONE, EV_TICK, EV_TIMEOUT,
  EV_WARMUP_END, EV_KIND,
} from './codes';
import { onClientArrival, onRateChange, scheduleArrival, sendRequest } from './clients';
import { JobPool } from './jobs';
import type { EdgeRt, NodeRt } from './nodeRuntime';
import { arrive, onInstanceReady, onServiceDone } from './stations';

export const TICK_MS = 1000;
/** Default event budget: a run that would need more stops with a message instead of hanging. */
export const DEFAULT_MAX_EVENTS = 500_000_000;

/**
 * The simulated world: nodes, edges, requests in flight and the agenda. The rules by which a
 * request moves live in small modules (clients, stations, flow, calls/pipeline, faults); this
 * class owns the state and the main loop, which is one switch over small integer event types.
 *
 * Responses over an edge with zero latency are delivered within the same event, so the
 * common path of a request costs two events (arrival, end of service). The flow is written
 * so that such re-entrant delivery is safe: a parent re-checks that it is still waiting
 * (its generation and epoch) after every call it makes.
 */
export class World {
  now = 0;
  events = 0;
  maxEvents = DEFAULT_MAX_EVENTS;
  warmupMs = 0;
  lastTickMs = 0;
  readonly q = new EventQueue(4096);
  readonly jobs = new JobPool(1024);
  readonly series = new SeriesStore();
  readonly log = new EventLog();
  /** The live view's rates over the last few simulated seconds. */
  readonly live: LiveWindow;
  tracer: Tracer | null = null;
  faults: FaultBook | null = null;
  /** Called once per simulated second after the series point is closed (autoscalers, registries). */
  readonly perSecond: ((w: World) => void)[] = [];

  constructor(
    readonly nodes: NodeRt[],
    readonly edges: EdgeRt[],
    readonly paths: string[],
  ) {
    registerSeries(this);
    this.live = new LiveWindow(nodes.length, edges.length);
  }

  /** Schedules what happens by itself: arrivals, users, ticks, the end of warm-up. */
  start(warmupMs: number): void {
    this.warmupMs = warmupMs;
    for (const n of this.nodes) {
      n.refreshPlain();
      const c = n.client;
      if (!c) continue;
      if (c.open) {
        c.rate = c.profile!.rateOver(0);
        scheduleArrival(this, n, c, 0);
        const change = c.profile!.nextChangeMs(0);
        if (change < Infinity) this.q.push(change, EV_CLIENT_RATE, n.index, 0);
      } else {
        // Users start at a random point of a think time, so they do not all fire at t = 0.
        for (let u = 0; u < c.users; u++) this.q.push(sample(c.think!, c.rngArrivals), EV_THINK_DONE, n.index, 0);
      }
    }
    for (const n of this.nodes) n.behaviour?.start?.(this, n);
    this.q.push(TICK_MS, EV_TICK, 0, 0);
    if (warmupMs > 0) this.q.push(warmupMs, EV_WARMUP_END, 0, 0);
    this.faults?.scheduleAll(this);
  }

  /** Runs every event up to and including tEnd; false if the event budget ran out first. */
  runUntil(tEnd: number): boolean {
    const q = this.q;
    const budget = this.maxEvents;
    while (q.size > 0 && q.peekTime() <= tEnd) {
      if (this.events >= budget) return false;
      q.pop();
      this.events++;
      this.now = q.time;
      this.dispatch(q.type, q.a, q.b);
    }
    if (tEnd > this.now && tEnd < Infinity) this.now = tEnd;
    return true;
  }

  /** Runs the next event; false when there is none. */
  step(): boolean {
    if (this.q.size === 0) return false;
    this.q.pop();
    this.events++;
    this.now = this.q.time;
    this.dispatch(this.q.type, this.q.a, this.q.b);
    return true;
  }

  private dispatch(type: number, a: number, b: number): void {
    switch (type) {
      case EV_CLIENT_ARRIVAL: onClientArrival(this, this.nodes[a], b); return;
      case EV_SERVICE_DONE: onServiceDone(this, a, b); return;
      case EV_DELIVER: arrive(this, a); return;
      case EV_RESPONSE: deliverResponse(this, a); return;
      case EV_TIMEOUT: onTimeout(this, a, b); return;
      case EV_TICK: onTick(this); return;
      case EV_THINK_DONE: sendRequest(this, this.nodes[a]); return;
      case EV_CLIENT_RATE: onRateChange(this, this.nodes[a]); return;
      case EV_INSTANCE_READY: onInstanceReady(this, this.nodes[a], b); return;
      case EV_WARMUP_END: this.resetStats(); return;
      case EV_RETRY: onRetry(this, a, b); return;
      case EV_BULKHEAD_EXPIRE: onBulkheadExpire(this, a, b); return;
      case EV_FALLBACK_DONE: onFallbackDone(this, a, b); return;
      case EV_FAULT_START: this.faults?.begin(this, a); return;
      case EV_FAULT_END: this.faults?.end(this, a); return;
      case EV_BREAKER_TIMER: this.edges[a].breaker?.poll(this.now); return;
      case EV_KIND: {
        const n = this.nodes[a];
        n.behaviour?.onEvent?.(this, n, b);
        return;
      }
    }
  }

  /**
   * Arms the timer for a breaker's next timer-driven transition, if it has one. Called on
   * every state change (breakers start CLOSED, which has none), so each state gets one timer;
   * a timer that outlived its state finds nothing due when it fires.
   */
  armBreaker(e: EdgeRt): void {
    const t = e.breaker?.nextAutomaticTransitionMs() ?? Infinity;
    if (t < Infinity) this.q.push(Math.max(t, this.now), EV_BREAKER_TIMER, e.index, 0);
  }

  private resetStats(): void {
    for (const n of this.nodes) {
      n.resetStats(this.now);
      n.client?.resetStats();
      n.behaviour?.resetStats?.(this, n);
    }
    for (const e of this.edges) e.resetStats();
  }
}
