import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { parseScenarioOrThrow } from '../../../scenario/parse';
import { RateProfile } from './rateProfile';
import type { OpenLoad } from './schema';

const profile = (load: Partial<OpenLoad>) => new RateProfile({ rps: 0, arrival: 'poisson', ...load } as OpenLoad);

/** Requests an open-loop client sends in a run of `durationMs`. */
function sent(load: Record<string, unknown>, durationMs: number, seed = 1): number {
  const sim = createSimulation(parseScenarioOrThrow({
    version: 1, name: 'ramp', seed, durationMs,
    nodes: [
      { id: 'users', kind: 'client', load },
      { id: 'api', kind: 'service', instances: 1, concurrency: 1000, serviceTimeMs: 1 },
    ],
    edges: [{ from: 'users', to: 'api', latencyMs: 0 }],
  }));
  sim.runUntil(durationMs);
  return sim.report().clients.users.sent;
}

describe('RateProfile', () => {
  it('holds each step of a ramp at its mean rate, not its starting rate', () => {
    const p = profile({ ramp: { startMs: 0, durationMs: 100_000, toRps: 2000 } });
    const next = p.nextChangeMs(0);
    expect(p.rateOver(0)).toBeCloseTo(p.rateAt(next / 2), 6);
    expect(p.rateOver(0)).toBeGreaterThan(0);
  });

  it('holds a constant rate as it is', () => {
    expect(profile({ rps: 50 }).rateOver(1234)).toBe(50);
  });
});

describe('arrivals follow the integral of the rate', () => {
  it('a ramp from 0 to 2000 rps over 100 s sends 100,000 requests (constant arrivals)', () => {
    const n = sent({ rps: 0, arrival: 'constant', ramp: { startMs: 0, durationMs: 100_000, toRps: 2000 } }, 100_000);
    expect(Math.abs(n - 100_000)).toBeLessThanOrEqual(100);
  });

  it('a falling ramp sends no more than its integral', () => {
    const n = sent({ rps: 2000, arrival: 'constant', ramp: { startMs: 0, durationMs: 100_000, toRps: 0 } }, 100_000);
    expect(Math.abs(n - 100_000)).toBeLessThanOrEqual(100);
  });

  it('a short 2 s ramp is not 5 % short (Poisson arrivals, mean of seeds)', () => {
    let total = 0;
    const seeds = 20;
    for (let s = 1; s <= seeds; s++) total += sent({ rps: 0, arrival: 'poisson', ramp: { startMs: 0, durationMs: 2000, toRps: 1000 } }, 2000, s);
    // Expected 1,000 per run; 20 runs: sd of the mean ≈ 7.
    expect(Math.abs(total / seeds - 1000)).toBeLessThan(25);
  });
});
