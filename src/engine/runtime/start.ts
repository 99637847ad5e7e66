import { sample } from '../core/sampler';
import { TICK_MS } from '../metrics/tick';
import { EV_CLIENT_RATE, EV_THINK_DONE, EV_TICK, EV_WARMUP_END } from './codes';
import { scheduleArrival } from './clients';
import type { World } from './world';

/** Schedules what happens by itself: arrivals, users, ticks, the end of warm-up, faults. */
export function startWorld(w: World, warmupMs: number): void {
  w.warmupMs = warmupMs;
  for (const n of w.nodes) {
    n.refreshPlain();
    const c = n.client;
    if (!c) continue;
    if (c.open) {
      c.rate = c.profile!.rateOver(0);
      scheduleArrival(w, n, c, 0);
      const change = c.profile!.nextChangeMs(0);
      if (change < Infinity) w.q.push(change, EV_CLIENT_RATE, n.index, 0);
    } else {
      // Users start at a random point of a think time, so they do not all fire at t = 0.
      for (let u = 0; u < c.users; u++) w.q.push(sample(c.think!, c.rngArrivals), EV_THINK_DONE, n.index, 0);
    }
  }
  for (const n of w.nodes) n.behaviour?.start?.(w, n);
  w.q.push(TICK_MS, EV_TICK, 0, 0);
  if (warmupMs > 0) w.q.push(warmupMs, EV_WARMUP_END, 0, 0);
  w.faults?.scheduleAll(w);
}
