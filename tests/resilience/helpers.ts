/**
 * Small helpers for the resilience tests: build scenario objects in the scenario file's own
 * field names, run them through the public API (parseScenarioOrThrow + createSimulation),
 * and read windows of the per-second time series.
 */
import type { Report } from '../../src/engine/metrics/report';
import { createSimulation, type Simulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

/** A scenario object as a file would spell it. */
export type ScenarioObj = Record<string, unknown>;

/** Validates and builds a simulation (throws with every problem if the scenario is bad). */
export function simulate(obj: ScenarioObj): Simulation {
  return createSimulation(parseScenarioOrThrow(obj));
}

/** Runs a scenario for its whole durationMs and returns the report; fails if it stopped early. */
export function runToEnd(obj: ScenarioObj): Report {
  const sim = simulate(obj);
  sim.runUntil(sim.durationMs);
  const stopped = sim.stoppedEarly();
  if (stopped) throw new Error(`run stopped early: ${stopped}`);
  return sim.report();
}

/**
 * The series points whose second starts in [fromMs, toMs). A window with no points throws:
 * `.every`, a mean or a max over nothing would let a check pass without checking anything.
 */
export function window(r: Report, values: number[], fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  r.series.tMs.forEach((t, i) => {
    if (t >= fromMs && t < toMs) out.push(values[i]);
  });
  if (out.length === 0) throw new Error(`no series points in [${fromMs}, ${toMs}) ms: the run has ${r.series.tMs.length} points`);
  return out;
}

export const mean = (xs: readonly number[]): number => {
  if (xs.length === 0) throw new Error('mean of no values');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
};
export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Successful answers per second of a client, per series point. */
export function goodput(r: Report, client: string): number[] {
  const c = r.series.clients[client];
  return c.throughput.map((t, i) => t * (1 - c.errorRate[i]));
}

/** Erlang B: blocking probability of M/G/c/c with offered load a (insensitive to the service distribution). */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Standard normal CDF (Abramowitz & Stegun 26.2.17, error < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - p : p;
}

/** z of the 99th percentile of the standard normal (the engine's lognormal is set by median and p99). */
export const Z99 = 2.3263478740408408;

/**
 * Prints measured-vs-expected lines when RESILIENCE_LOG is set
 * (`RESILIENCE_LOG=1 npx vitest run tests/resilience`), so a normal run stays quiet.
 */
export function note(title: string, lines: string[]): void {
  if (process.env.RESILIENCE_LOG) console.log(`${title}\n  ${lines.join('\n  ')}`);
}

/** "what: measured X vs expected Y". */
export function vs(what: string, measured: number, expected: number): string {
  return `${what}: measured ${+measured.toPrecision(6)} vs expected ${+expected.toPrecision(6)}`;
}
