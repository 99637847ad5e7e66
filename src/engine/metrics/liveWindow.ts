/**
 * The live view's numbers over a fixed stretch of simulated time. Rates and error rates on the
 * canvas cover the last {@link LIVE_WINDOW_S} whole simulated seconds plus the current partial
 * one; latency percentiles cover the last whole simulated second (as the charts' points do).
 * Either way a number depends only on the simulated time it is read at, never on when the
 * page last asked or how the run was cut into `runUntil` calls: at 1x a snapshot every
 * 100 ms would otherwise count five requests of a 50 rps client, and a snapshot right after
 * another one none at all.
 *
 * The counters behind the rates only ever grow (a warm-up does not reset them); once a
 * simulated second the tick copies them into a small ring, and a rate is the difference
 * between now and the ring's row of {@link LIVE_WINDOW_S} seconds ago.
 */
import type { EdgeRt } from '../calls/edgeRuntime';
import type { World } from '../runtime/world';
import { BUCKETS, Histogram, percentileOfCounts } from './histogram';

export const LIVE_WINDOW_S = 5;

/** Counters per node (a client uses the first two: answers, failed) and per edge, in the ring. */
const PER_NODE = 4;
const PER_EDGE = 2;
const ROWS = LIVE_WINDOW_S + 1;

export class LiveWindow {
  private readonly rows: Float64Array[];
  private readonly times = new Float64Array(ROWS);
  /** Rows written so far; row 0 is the start of the run, with every counter at 0. */
  private written = 1;
  /**
   * Set once something reads percentiles: only then do calls also count in their edge's
   * histogram of the current second, and does the tick work the p99s out.
   */
  private latency: { incoming: EdgeRt[][]; merged: Float64Array } | null = null;

  constructor(private readonly nodeCount: number, edgeCount: number) {
    const width = nodeCount * PER_NODE + edgeCount * PER_EDGE;
    this.rows = Array.from({ length: ROWS }, () => new Float64Array(width));
  }

  /** The row the window starts at (the newest row when the run is younger than the window). */
  private startSlot(): number {
    return Math.max(0, this.written - 1 - LIVE_WINDOW_S) % ROWS;
  }

  /** Simulated seconds the window covers at `nowMs`. */
  spanS(nowMs: number): number {
    return (nowMs - this.times[this.startSlot()]) / 1000;
  }

  /** How much counter `k` grew over the window, given its value now. */
  delta(k: number, current: number): number {
    return current - this.rows[this.startSlot()][k];
  }

  nodeBase(index: number): number {
    return index * PER_NODE;
  }

  edgeBase(index: number): number {
    return this.nodeCount * PER_NODE + index * PER_EDGE;
  }

  /** Copies every counter into the ring at a tick. */
  close(w: World): void {
    const slot = this.written % ROWS;
    const row = this.rows[slot];
    this.times[slot] = w.now;
    this.written++;
    for (const n of w.nodes) {
      const b = this.nodeBase(n.index);
      const c = n.client;
      if (c) {
        row[b] = c.liveAnswers;
        row[b + 1] = c.liveFailed;
        continue;
      }
      row[b] = n.liveArrivals;
      row[b + 1] = n.liveCompleted;
      row[b + 2] = n.liveFailed;
      row[b + 3] = n.livePassedOn;
    }
    for (const e of w.edges) {
      const b = this.edgeBase(e.index);
      row[b] = e.liveCalls;
      row[b + 1] = e.liveErrors;
    }
    if (this.latency) closeLatencySecond(w, this.latency);
  }

  /**
   * Starts working out each edge's and node's p99 of the last whole second at every tick. A
   * headless run never asks, so it never pays for the extra histogram or the tick's work.
   */
  watchLatency(w: World): void {
    if (this.latency) return;
    const incoming: EdgeRt[][] = w.nodes.map(() => []);
    for (const e of w.edges) {
      e.secLatency = new Histogram();
      incoming[e.to].push(e);
    }
    this.latency = { incoming, merged: new Float64Array(BUCKETS) };
  }
}

/**
 * Each edge's p99 over the second that just closed, and each node's over all the calls into
 * it. Only the buckets the second used are read or cleared: this runs once a simulated second,
 * many times a wall second at full speed.
 */
function closeLatencySecond(w: World, st: { incoming: EdgeRt[][]; merged: Float64Array }): void {
  const merged = st.merged;
  for (const n of w.nodes) {
    let from = BUCKETS, to = -1;
    for (const e of st.incoming[n.index]) {
      const h = e.secLatency!;
      if (h.count === 0) continue;
      h.addTo(merged);
      if (h.usedFrom < from) from = h.usedFrom;
      if (h.usedTo > to) to = h.usedTo;
    }
    n.liveP99Ms = to >= from ? percentileOfCounts(merged, from, to, 0.99) : 0;
    if (to >= from) merged.fill(0, from, to + 1);
  }
  for (const e of w.edges) {
    const h = e.secLatency!;
    e.liveP99Ms = h.percentile(0.99);
    h.reset();
  }
}
