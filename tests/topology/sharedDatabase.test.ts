import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { parseScenario } from '../../src/scenario/parse';
import { edgeOf, loadScenario, mean, nodeOf, runToEnd, window, type Data } from './helpers';

/**
 * Database per service (the guide's "each service owns its data"), and its anti-pattern:
 * scenarios/shared-database.json has Catalog and Reporting on one database with 4 connections
 * (400 queries/s at 10 ms). From 30 s to 50 s the month-end report sends 400 requests a second,
 * each one query: with the shoppers' 60 that is 460 queries/s for a pool that serves 400, so
 * the queue of the shared database fills and the shoppers wait and get 503s. With a database
 * per service (the variant below) the report's load lands on its own database and the
 * shoppers see nothing of it. Checked on three seeds.
 */
const SEEDS = [1, 2, 3];
const SPIKE_FROM = 30_000, SPIKE_TO = 50_000;

/** The variant with a database per service: Reporting gets reports-db, a copy of shop-db. */
function perService(): Data {
  const s = loadScenario('shared-database');
  const shared = nodeOf(s, 'shop-db');
  shared.label = 'Catalog database';
  s.nodes.push({ ...shared, id: 'reports-db', label: 'Reports database', position: { x: 500, y: 250 } });
  edgeOf(s, 'reporting', 'shop-db').to = 'reports-db';
  return s;
}

/** Without the month-end report's spike: the shoppers' baseline. */
function calm(): Data {
  const s = loadScenario('shared-database');
  delete nodeOf(s, 'analysts').load.spike;
  return s;
}

/** The shoppers' mean per-second p99 during the report's spike, and before it. */
const spikeP99 = (r: Report) => mean(window(r, r.series.clients.shoppers.latencyP99Ms, SPIKE_FROM + 1000, SPIKE_TO));
const beforeP99 = (r: Report) => mean(window(r, r.series.clients.shoppers.latencyP99Ms, 5_000, SPIKE_FROM));

describe('a database shared by two services', () => {
  it('parsing it gives the shared-database warning; a database per service does not', () => {
    const shared = parseScenario(loadScenario('shared-database'));
    if (!shared.ok) throw new Error('expected the scenario to parse');
    expect(shared.warnings).toEqual([
      'database "shop-db" is shared by "catalog" and "reporting": the shared-database anti-pattern couples them (give each service its own)',
    ]);
    const own = parseScenario(perService());
    if (!own.ok) throw new Error('expected the variant to parse');
    expect(own.warnings).toEqual([]);
  });

  it.each(SEEDS)('seed %i: the report\'s queries slow the shoppers down when shared, not with a database per service', (seed) => {
    const shared = runToEnd(loadScenario('shared-database'), seed);
    const own = runToEnd(perService(), seed);
    const base = runToEnd(calm(), seed);
    // Baseline: nobody fails; the shoppers' p99 is ~70 ms (10 ms work + 10 ms query, exponential).
    expect(base.clients.shoppers.failed).toBe(0);
    expect(base.clients.shoppers.latencyMs.p99).toBeLessThan(120);

    // Shared: during the spike the pool is overloaded (460 queries/s for 400) and shoppers queue.
    expect(shared.nodes['shop-db'].rejected).toBeGreaterThan(0);
    expect(shared.clients.shoppers.failed).toBeGreaterThan(30); // 503s from the full database queue
    expect(shared.clients.shoppers.failedBy.rejected).toBe(shared.clients.shoppers.failed);
    expect(spikeP99(shared)).toBeGreaterThan(3 * beforeP99(shared));
    expect(shared.clients.shoppers.latencyMs.p99).toBeGreaterThan(3 * base.clients.shoppers.latencyMs.p99);

    // A database per service: the same spike, and the shoppers do not notice it.
    expect(own.nodes['reports-db'].arrivals).toBeGreaterThan(8000);
    expect(own.nodes['shop-db'].arrivals).toBe(own.edges['catalog->shop-db'].calls);
    expect(own.clients.shoppers.failed).toBe(0);
    // Same seed, so the shoppers send the same requests with the same work in both runs (each
    // client and node draws from its own streams); but in the calm run their database still
    // serves the analysts' steady queries, so allow 15 % for the p99 of ~4,800 samples to move.
    expect(own.clients.shoppers.latencyMs.p99 / base.clients.shoppers.latencyMs.p99).toBeLessThan(1.15);
    expect(spikeP99(own)).toBeLessThan(1.3 * beforeP99(own));
  });
});
