/**
 * Compare mode's "Run N seeds": A and B each run to their end on the same N seeds (B's seed
 * and the N-1 after it), keeping of each run its figures and its clients' per-second p99,
 * error rate and throughput, so the page can show means with intervals in the table and
 * bands on the charts. Pure: the seeds worker calls it, and so do tests.
 */
import { measuresOf, type Measure } from '../compare/measures';
import type { Scenario } from '../engine/model';
import { DEFAULT_MAX_EVENTS } from '../engine/runtime/world';
import { createSimulation } from '../engine/simulation';
import { estimateEvents } from '../scenario/estimate';

export const BAND_CHANNELS = ['latencyP99Ms', 'errorRate', 'throughput'] as const;
export type BandChannel = (typeof BAND_CHANNELS)[number];

export interface SeedRun {
  measures: Measure[];
  tMs: number[];
  clients: Record<string, Record<BandChannel, number[]>>;
}

export interface SeedsResult {
  seeds: number[];
  durationMs: number;
  a: SeedRun[];
  b: SeedRun[];
}

/** The longest stretch the page runs per seed: past it the runs would keep a student waiting minutes. */
export const MAX_SEED_RUN_MS = 15 * 60_000;

export function seedList(b: Scenario, n: number): number[] {
  return Array.from({ length: n }, (_, k) => b.seed + k);
}

/** How long each run goes: the scenario's length, at most {@link MAX_SEED_RUN_MS}. */
export const seedRunMs = (s: Scenario) => Math.min(s.durationMs, MAX_SEED_RUN_MS);

/** A reason the seeds cannot be run (too much work), or null. */
export function seedsProblem(a: Scenario, b: Scenario, n: number): string | null {
  const events = (s: Scenario) => estimateEvents({ ...s, durationMs: seedRunMs(b) });
  const per = Math.max(events(a), events(b));
  if (per > DEFAULT_MAX_EVENTS) return `one run needs about ${Math.round(per / 1e6)} million events, more than the page runs; shorten the scenario (duration) or lower the load`;
  return n < 2 ? 'run at least 2 seeds, so there is a spread to show' : null;
}

export function runSeed(s: Scenario, seed: number, durationMs: number): SeedRun {
  const sim = createSimulation({ ...s, durationMs }, { seed });
  sim.runUntil(durationMs);
  const stopped = sim.stoppedEarly();
  if (stopped) throw new Error(stopped);
  const r = sim.report();
  const clients: SeedRun['clients'] = {};
  for (const [id, c] of Object.entries(r.series.clients)) {
    clients[id] = { latencyP99Ms: c.latencyP99Ms, errorRate: c.errorRate, throughput: c.throughput };
  }
  return { measures: measuresOf(r), tMs: r.series.tMs, clients };
}

/** A then B on each seed in turn; `progress` hears after every run. */
export function runSeeds(a: Scenario, b: Scenario, n: number, progress: (runsDone: number) => void = () => {}): SeedsResult {
  const seeds = seedList(b, n);
  const durationMs = seedRunMs(b);
  const out: SeedsResult = { seeds, durationMs, a: [], b: [] };
  for (const seed of seeds) {
    out.a.push(runSeed(a, seed, durationMs));
    progress(out.a.length + out.b.length);
    out.b.push(runSeed(b, seed, durationMs));
    progress(out.a.length + out.b.length);
  }
  return out;
}
