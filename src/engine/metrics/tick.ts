import { BREAKER_SEVERITY_OF_STATE } from '../calls/breakerCodes';
import { FAILURE_NAMES } from '../runtime/codes';
import { EV_TICK } from '../runtime/codes';
import type { World } from '../runtime/world';

/** Length of one point of the time series (and of the live view's second), in simulated ms. */
export const TICK_MS = 1000;

/** Series channels per client, node and edge, in this order from their `seriesBase`. */
export const CLIENT_CHANNELS = ['throughput', 'latencyP99Ms', 'errorRate', 'latencyP50Ms', 'latencyP95Ms'] as const;
/** Failures per second by cause follow the client channels, one per cause. */
export const FAILURE_CHANNELS = FAILURE_NAMES.slice(1);
export const NODE_CHANNELS = ['replicas', 'readyReplicas', 'utilization', 'queueLength', 'throughput'] as const;
export const EDGE_CHANNELS = ['attempts', 'errors', 'breakerState'] as const;

const scratch: number[] = [];
const TICK_PERCENTILES = [0.5, 0.95, 0.99];
const pct = [0, 0, 0];

export function registerSeries(w: World): void {
  const s = w.series;
  for (const n of w.nodes) {
    if (n.client) {
      n.seriesBase = s.addChannel('ratio');
      s.addChannel('max');
      s.addChannel('ratio');
      s.addChannel('max');
      s.addChannel('max');
      for (let k = 0; k < FAILURE_CHANNELS.length; k++) s.addChannel('ratio');
    } else {
      n.seriesBase = s.addChannel('ratio');
      for (let k = 1; k < NODE_CHANNELS.length + (n.behaviour?.series?.length ?? 0); k++) s.addChannel('ratio');
    }
  }
  for (const e of w.edges) {
    e.seriesBase = s.addChannel('ratio');
    s.addChannel('ratio');
    s.addChannel('max');
  }
}

/** Closes one simulated second of the time series and arms the next tick. */
export function onTick(w: World): void {
  const t0 = w.lastTickMs;
  const dt = w.now - t0;
  const dtS = dt / 1000;
  w.lastTickMs = w.now;
  const s = w.series;
  s.begin(t0);
  for (const n of w.nodes) {
    const b = n.seriesBase;
    const c = n.client;
    if (c) {
      c.secLatency.percentilesInto(TICK_PERCENTILES, pct);
      s.set(b, c.secAnswers, dtS);
      s.set(b + 1, pct[2], 1);
      s.set(b + 2, c.secFailed, c.secAnswers);
      s.set(b + 3, pct[0], 1);
      s.set(b + 4, pct[1], 1);
      for (let k = 0; k < FAILURE_CHANNELS.length; k++) s.set(b + CLIENT_CHANNELS.length + k, c.secFailedBy[k + 1], dtS);
      c.secAnswers = c.secFailed = 0;
      c.secFailedBy.fill(0);
      c.secLatency.reset();
      continue;
    }
    n.touch(w.now);
    n.touchReady(w.now);
    // A point covers [t0, t1): replicas as they were when it opened, ready ones averaged over it.
    const existing = n.replicas();
    s.set(b, (n.replicasAtTick < 0 ? existing : n.replicasAtTick) * dt, dt);
    s.set(b + 1, n.readyArea - n.tickReadyArea, dt);
    n.tickReadyArea = n.readyArea;
    // Workers still finishing after a live cut in concurrency cannot push utilization past 1.
    const cap = n.capArea - n.tickCapArea;
    s.set(b + 2, Math.min(n.busyArea - n.tickBusyArea, cap), cap);
    s.set(b + 3, n.queueArea - n.tickQueueArea, dt);
    s.set(b + 4, n.secCompleted, dtS);
    const extra = n.behaviour?.series;
    if (extra && n.behaviour!.sample) {
      scratch.length = 0;
      n.behaviour!.sample(w, n, scratch);
      for (let k = 0; k < extra.length; k++) s.set(b + NODE_CHANNELS.length + k, (scratch[k] ?? 0) * dt, dt);
    }
    n.tickBusyArea = n.busyArea;
    n.tickQueueArea = n.queueArea;
    n.tickCapArea = n.capArea;
    n.secCompleted = 0;
  }
  for (const e of w.edges) {
    const b = e.seriesBase;
    s.set(b, e.secAttempts, dtS);
    s.set(b + 1, e.secErrors, dtS);
    // The worst breaker state during the second (a short OPEN must not vanish between ticks).
    const now = e.breaker ? BREAKER_SEVERITY_OF_STATE[e.breaker.state] : 0;
    s.set(b + 2, Math.max(e.secBreakerMax, now), 1);
    e.secBreakerMax = now;
    e.secAttempts = e.secErrors = 0;
  }
  w.live.close(w);
  for (const n of w.nodes) n.behaviour?.onSecond?.(w, n);
  for (const f of w.perSecond) f(w);
  // The next point opens now, after this second's decisions (an autoscaler's new instances count in it).
  for (const n of w.nodes) if (!n.client) n.replicasAtTick = n.replicas();
  w.q.push(w.now + TICK_MS, EV_TICK, 0, 0);
}
