import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { SIZES } from '../../src/engine/scaling/sizes';
import { loadScenario, nodeOf, ROOT, runInSlices, runToEnd, simulate, sliceMeanLatency, type Data } from './helpers';

/**
 * The guide's monolith-versus-microservices table, as two runs of the same shop under the same
 * load: scenarios/monolith.json (one Shop app on a large machine serving /search and /orders
 * from the same workers) and scenarios/microservices.json (Search on small machines, Orders
 * on its own small machine with its own database). Both cost $0.384/h as given.
 *
 *   Scalability: "whole app needs scaling" vs "scale only the needed services" -> (a)
 *   Resilience: "a failure in one service won't crash the whole app"           -> (b)
 *
 * Why the monolith's step costs more: every copy of it carries the whole application, so it is
 * priced as the large machine the whole app needs (8 vCPU, 4 x a small one's price), and a big
 * machine's cores contend (the Universal Scalability Law in scaling/sizes.ts: 3.05 x a small
 * machine's throughput for 4 x its price). The split system adds small Search machines only.
 *
 * Every claim is checked on three seeds; the margins are stated next to each bound.
 */
const SEEDS = [1, 2, 3];
const MONO = 'monolith', MICRO = 'microservices';

/** A hot /search path: 640 searches a second, steady (no spike), measured after a 10 s warm-up. */
function hot(name: string, node: string, instances: number): Data {
  const s = loadScenario(name);
  s.durationMs = 60_000;
  s.warmupMs = 10_000;
  nodeOf(s, 'searchers').load = { rps: 640, arrival: 'poisson' };
  nodeOf(s, node).instances = instances;
  return s;
}

/** The latency target both designs must meet: every route p99 under 300 ms, under 0.1 % errors. */
const TARGET_P99_MS = 300;
const meetsTarget = (r: Report) =>
  Object.values(r.clients).every((c) => c.latencyMs.p99 < TARGET_P99_MS && c.errorRate < 0.001);

describe('(a) scaling for one hot path: the monolith scales the whole app, the split system only Search', () => {
  it.each(SEEDS)('seed %i: the fewest instances that meet the target, and what they cost', (seed) => {
    // Monolith: one large copy is overloaded (17.7 erlangs of work for 16 workers); two are enough.
    const mono1 = runToEnd(hot(MONO, 'shop', 1), seed), mono2 = runToEnd(hot(MONO, 'shop', 2), seed);
    expect(meetsTarget(mono1)).toBe(false);
    expect(mono1.clients.buyers.errorRate).toBeGreaterThan(0.05); // buyers pay for the searches (measured 0.092-0.100)
    expect(meetsTarget(mono2)).toBe(true);
    // Split: three small Search instances are overloaded (12.8 erlangs for 12 workers); four are enough.
    const micro3 = runToEnd(hot(MICRO, 'search', 3), seed), micro4 = runToEnd(hot(MICRO, 'search', 4), seed);
    expect(meetsTarget(micro3)).toBe(false);
    expect(micro3.clients.buyers.errorRate).toBe(0); // ...while the buyers never notice
    expect(meetsTarget(micro4)).toBe(true);
    // Same latency target, same run length: 2 x large against 4 + 1 x small.
    expect(mono2.cost.perHour.shop).toBeCloseTo(2 * SIZES.large.pricePerHour, 9);
    expect(micro4.cost.perHour.search + micro4.cost.perHour.orders).toBeCloseTo(5 * SIZES.small.pricePerHour, 9);
    expect(mono2.cost.total / micro4.cost.total).toBeCloseTo(1.6, 6);
  });

  it('at the load both were sized for, both cost the same', () => {
    const mono = runToEnd(loadScenario(MONO)), micro = runToEnd(loadScenario(MICRO));
    expect(mono.cost.total).toBeCloseTo(micro.cost.total, 9);
  });
});

/** The scenario as given (searches quadruple from 30 s to 50 s), or without the spike. */
function spiky(name: string, spike: boolean): Data {
  const s = loadScenario(name);
  if (!spike) delete nodeOf(s, 'searchers').load.spike;
  return s;
}

/** Search work five times slower (a bad deploy of the search code), no spike. */
function slowSearch(name: string): Data {
  const s = spiky(name, false);
  const slow = { dist: 'exponential', mean: 100 };
  if (name === MONO) nodeOf(s, 'shop').operations[0].serviceTimeMs = slow;
  else nodeOf(s, 'search').serviceTimeMs = slow;
  return s;
}

describe('(b) one bad path: it degrades every route of the monolith, but only its own service when split', () => {
  it.each(SEEDS)('seed %i: a search spike (x4 from 30 s to 50 s) hurts the monolith\'s buyers, not the split system\'s', (seed) => {
    // Reports at the start of the spike and at its end: slice 0 is calm, slice 1 the spike.
    const run = (name: string) => runInSlices(simulate(spiky(name, true), seed), [30_000, 50_000, 90_000], () => {});
    const [monoCalm, monoSpike, mono] = run(MONO);
    const [microCalm, microSpike, micro] = run(MICRO);
    // The bad path fails in both designs: Search (or the Shop) overflows with 503s.
    expect(mono.clients.searchers.errorRate).toBeGreaterThan(0.05); // measured 0.138-0.150
    expect(micro.clients.searchers.errorRate).toBeGreaterThan(0.05); // measured 0.124-0.135
    // Before the spike nobody fails, in either design.
    for (const r of [monoCalm, microCalm]) expect(r.clients.buyers.failed + r.clients.searchers.failed).toBe(0);
    // Monolith: buyers share the Shop's queues, so they get 503s and wait behind searches.
    expect(mono.clients.buyers.errorRate).toBeGreaterThan(0.03); // measured 0.059-0.076
    expect(mono.clients.buyers.failedBy.rejected).toBe(mono.clients.buyers.failed);
    const monoRatio = sliceMeanLatency(monoCalm, monoSpike, 'buyers') / sliceMeanLatency(null, monoCalm, 'buyers');
    expect(monoRatio).toBeGreaterThan(2); // waiting behind ~100 queued searches: ~160 ms more
    // Split: the buyers' Orders service never sees a search. Their mean over the 20 s spike
    // (~400 answers, exponential: ~4 % standard error) stays within 20 % of before it.
    expect(micro.clients.buyers.failed).toBe(0);
    expect(micro.nodes.orders.rejected).toBe(0);
    const microRatio = sliceMeanLatency(microCalm, microSpike, 'buyers') / sliceMeanLatency(null, microCalm, 'buyers');
    expect(microRatio).toBeLessThan(1.2);
    expect(microRatio).toBeGreaterThan(0.8);
  });

  it.each(SEEDS)('seed %i: a 5x slower search deploy fails the monolith\'s buyers, not the split system\'s', (seed) => {
    const mono = runToEnd(slowSearch(MONO), seed), micro = runToEnd(slowSearch(MICRO), seed);
    // Search needs 26 erlangs (monolith) or 20 (split) for 16 or 12 workers: both overflow.
    expect(mono.clients.searchers.errorRate).toBeGreaterThan(0.2); // measured 0.40-0.41
    expect(micro.clients.searchers.errorRate).toBeGreaterThan(0.2); // measured 0.385-0.39
    expect(mono.clients.buyers.errorRate).toBeGreaterThan(0.2); // measured 0.39-0.40
    expect(micro.clients.buyers.failed).toBe(0);
    expect(micro.clients.buyers.latencyMs.p99).toBeLessThan(250); // measured 142-160 ms
    expect(mono.clients.buyers.latencyMs.p99).toBeGreaterThan(2 * micro.clients.buyers.latencyMs.p99);
  });
});

describe('npm run sim -- scenarios/monolith.json --compare scenarios/microservices.json', () => {
  it('exits 0 and prints both runs side by side', () => {
    const r = spawnSync('npm', ['run', '-s', 'sim', '--', 'scenarios/monolith.json', '--compare', 'scenarios/microservices.json'], {
      cwd: ROOT, encoding: 'utf8', timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/scenarios\/monolith\.json\s+scenarios\/microservices\.json$/);
    const m = runToEnd(loadScenario(MONO)), s = runToEnd(loadScenario(MICRO));
    expect(r.stdout).toContain(m.name);
    expect(r.stdout).toContain(s.name);
    const row = (label: string) => lines.find((l) => l.startsWith(label))!.trim().split(/\s{2,}/);
    expect(row('buyers: failed')).toEqual(['buyers: failed', `${m.clients.buyers.failed} (${(m.clients.buyers.errorRate * 100).toFixed(1)}%)`, `0 (0.0%)`]);
    expect(row('shop: instances (configured)')).toEqual(['shop: instances (configured)', '1 x large', '-']);
    expect(row('search: instances (configured)')).toEqual(['search: instances (configured)', '-', '3 x small']);
    expect(row('cost per hour now')).toEqual(['cost per hour now', '$0.3840', '$0.3840']);
  });
});
