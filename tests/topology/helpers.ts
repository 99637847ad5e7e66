/**
 * Helpers for the topology tests: load a scenario file as plain data (so a test can make a
 * variant of it), run it, run it in slices with live changes between them, and judge counts
 * against the binomial distribution.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/engine/metrics/report';
import { createSimulation, type Simulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A scenario as JSON data: loosely typed, because the tests edit it into variants. */
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- scenario data is edited freely */
export type Data = Record<string, any>;

/** scenarios/NAME.json as fresh, editable data. */
export function loadScenario(name: string): Data {
  return JSON.parse(readFileSync(resolve(ROOT, 'scenarios', `${name}.json`), 'utf8')) as Data;
}

/** The node with this id in scenario data (throws when there is none, so a typo fails loudly). */
export function nodeOf(data: Data, id: string): Data {
  const n = (data.nodes as Data[]).find((x) => x.id === id);
  if (!n) throw new Error(`no node "${id}" in the scenario`);
  return n;
}

/** The edge from -> to in scenario data. */
export function edgeOf(data: Data, from: string, to: string): Data {
  const e = (data.edges as Data[]).find((x) => x.from === from && x.to === to);
  if (!e) throw new Error(`no edge ${from}->${to} in the scenario`);
  return e;
}

export function simulate(data: Data, seed?: number): Simulation {
  return createSimulation(parseScenarioOrThrow(data), seed === undefined ? {} : { seed });
}

/** Runs scenario data to its end and returns the report (throws if the run stopped early). */
export function runToEnd(data: Data, seed?: number): Report {
  const sim = simulate(data, seed);
  if (!sim.runUntil(sim.durationMs)) throw new Error(`run stopped early: ${sim.stoppedEarly()}`);
  return sim.report();
}

/**
 * Runs a simulation up to each time in `until` (ascending), applying `before(k)` first, and
 * returns the report at the end of each slice. Counts in a report are cumulative, so slice k
 * is the difference of reports k and k-1.
 */
export function runInSlices(sim: Simulation, until: number[], before: (k: number, sim: Simulation) => void): Report[] {
  return until.map((t, k) => {
    before(k, sim);
    if (!sim.runUntil(t)) throw new Error(`run stopped early: ${sim.stoppedEarly()}`);
    return sim.report();
  });
}

/** How far k successes in n Bernoulli(p) trials are from n·p, in standard deviations. */
export function binomialZ(k: number, n: number, p: number): number {
  const sd = Math.sqrt(n * p * (1 - p));
  return sd === 0 ? (k === n * p ? 0 : Infinity) : Math.abs(k - n * p) / sd;
}

/**
 * Mean client latency over one slice, from two cumulative reports: means are exact in the
 * report (rounded to 4 decimals), so mean × answers is the latency sum.
 */
export function sliceMeanLatency(prev: Report | null, next: Report, client: string): number {
  const sumOf = (r: Report | null) => {
    if (!r) return { sum: 0, n: 0 };
    const c = r.clients[client];
    const n = c.ok + c.failed;
    return { sum: c.latencyMs.mean * n, n };
  };
  const a = sumOf(prev), b = sumOf(next);
  return (b.sum - a.sum) / (b.n - a.n);
}

/** A counter's growth over one slice (prev null = from the start). */
export function delta(prev: Report | null, next: Report, read: (r: Report) => number): number {
  return read(next) - (prev ? read(prev) : 0);
}

/** The values of a per-second series whose points start in [fromMs, toMs). */
export function window(r: Report, values: number[], fromMs: number, toMs: number): number[] {
  return values.filter((_, i) => r.series.tMs[i] >= fromMs && r.series.tMs[i] < toMs);
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const mean = (xs: number[]) => sum(xs) / xs.length;

/** Computes a value the first time it is asked for (so a failing run fails its test, not the file). */
export function lazy<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}
