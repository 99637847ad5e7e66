/**
 * Scenario builders and runners for the messaging tests: a client publishes through a small
 * producer service into a queue (or topic) that consumer services drain. Objects are plain
 * scenario JSON and go through the parser, so they use the file's own field names.
 */
import type { ChannelStats } from '../../src/engine/messaging/channel';
import type { Report } from '../../src/engine/metrics/report';
import { createSimulation, type Simulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

/* eslint-disable @typescript-eslint/no-explicit-any -- report extras of a kind are untyped records */

export type Json = Record<string, unknown>;

export const exp = (mean: number) => ({ dist: 'exponential', mean });

/** What a queue reports (NodeReport plus the queue's fields). */
export interface QueueStats extends ChannelStats {
  subscriptions?: Record<string, QueueStats>;
}

export const q = (r: Report, id: string): QueueStats => r.nodes[id] as any;

export function simulate(scenario: Json, seed?: number): Simulation {
  return createSimulation(parseScenarioOrThrow(scenario), seed === undefined ? {} : { seed });
}

export function run(scenario: Json, seed?: number): Report {
  const sim = simulate(scenario, seed);
  sim.runUntil(sim.durationMs);
  return sim.report();
}

/** A queue's books balance: every message published is acked, lost, dead-lettered or still held. */
export function balance(s: QueueStats): number {
  return s.published - (s.acked + s.lost + s.deadLettered + s.depth);
}

export interface PipeOptions {
  rps: number;
  arrival?: 'poisson' | 'constant';
  load?: Json;
  queue?: Json;
  consumer?: Json;
  faults?: Json[];
  durationMs: number;
  /** Latency of every edge (default 0: the timing is the consumer's alone). */
  latencyMs?: number;
  extraNodes?: Json[];
  extraEdges?: Json[];
}

/** users -> producer -> jobs (queue) -> worker (service). */
export function pipe(o: PipeOptions): Json {
  const lat = o.latencyMs ?? 0;
  return {
    version: 1,
    name: 'messaging test',
    durationMs: o.durationMs,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: o.rps, arrival: o.arrival ?? 'poisson', ...o.load } },
      { id: 'producer', kind: 'service', instances: 1, concurrency: 1000, serviceTimeMs: 1 },
      { id: 'jobs', kind: 'queue', ...o.queue },
      { id: 'worker', kind: 'service', instances: 1, concurrency: 4, queueCapacity: 1000, serviceTimeMs: exp(40), ...o.consumer },
      ...(o.extraNodes ?? []),
    ],
    edges: [
      { from: 'users', to: 'producer', latencyMs: lat },
      { from: 'producer', to: 'jobs', latencyMs: lat },
      { from: 'jobs', to: 'worker', latencyMs: lat },
      ...(o.extraEdges ?? []),
    ],
    faults: o.faults ?? [],
  };
}
