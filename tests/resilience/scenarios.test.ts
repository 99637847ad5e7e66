import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { createSimulation } from '../../src/engine/simulation';
import { parseScenarioText } from '../../src/scenario/parse';
import { storyOf } from '../../src/scenario/story';
import { goodput, runToEnd, sum, window } from './helpers';

/**
 * The example scenarios in scenarios/: every file parses and runs for its whole duration,
 * and each resilience example tells the story its description promises (with the protection
 * in place, and without it when the description says "untick ... press Reset and Play").
 */
const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

describe('every scenarios/*.json', () => {
  it('there are example scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s parses and runs for its whole duration without stopping early', (name) => {
    const parsed = parseScenarioText(readFileSync(join(DIR, name), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${name}: ${p.path}: ${p.message}`).join('\n'));
    const sim = createSimulation(parsed.scenario);
    expect(sim.runUntil(parsed.scenario.durationMs)).toBe(true);
    expect(sim.stoppedEarly()).toBeUndefined();
    const r = sim.report();
    expect(r.simulatedMs).toBe(parsed.scenario.durationMs);
    expect(r.stoppedEarly).toBeUndefined();
  });
});

const MINE = ['retry-storm.json', 'circuit-breaker.json', 'timeouts.json', 'bulkhead.json', 'rate-limit.json', 'fallback.json'];

describe.each(MINE)('%s is a lesson the UI can draw', (name) => {
  it('has a short description, and every node a label and a position, laid out left to right', () => {
    const s = load(name) as { description?: string; nodes: { id: string; label?: string; position?: { x: number; y: number } }[]; edges: { from: string; to: string }[] };
    expect(s.description).toBeTypeOf('string');
    const sentences = storyOf(s.description).text.join(' ').split(/(?<=[.!?:])\s+(?=[A-Z])/).length;
    expect(sentences).toBeGreaterThanOrEqual(2);
    expect(sentences).toBeLessThanOrEqual(4);
    const pos = new Map(s.nodes.map((n) => [n.id, n.position]));
    for (const n of s.nodes) {
      expect(n.label, n.id).toBeTypeOf('string');
      expect(n.position, n.id).toBeDefined();
    }
    // Edges point rightwards, a column (~250 px) at a time.
    for (const e of s.edges) expect(pos.get(e.to)!.x - pos.get(e.from)!.x, `${e.from}->${e.to}`).toBe(250);
  });
});

/** The scenario with one block taken off one edge (unticked in the inspector), as the description invites. */
function without(name: string, edge: string, field: string): Record<string, unknown> {
  const s = load(name) as { edges: Record<string, unknown>[] };
  const e = s.edges.find((x) => `${x.from}->${x.to}` === edge)!;
  expect(e[field]).toBeDefined();
  delete e[field];
  return s as unknown as Record<string, unknown>;
}

describe('the stories hold', () => {
  it('retry-storm: Orders stays saturated and shoppers fail long after the 3 s slowdown; a 10 % retry budget recovers', () => {
    const r = runToEnd(load('retry-storm.json'));
    expect(Math.min(...window(r, r.series.nodes.orders.utilization, 14_000, 60_000))).toBeGreaterThan(0.99);
    expect(Math.min(...window(r, r.series.clients.shoppers.errorRate, 14_000, 60_000))).toBeGreaterThan(0.99);
    const s = load('retry-storm.json') as { edges: { retry?: Record<string, unknown> }[] };
    s.edges[1].retry!.budget = { percent: 10 };
    const fixed = runToEnd(s as unknown as Record<string, unknown>);
    expect(Math.max(...window(fixed, fixed.series.clients.shoppers.errorRate, 18_000, 60_000))).toBeLessThan(0.01);
  });

  it('circuit-breaker: browsing never fails with the breaker; without it the cascade reaches the browsers', () => {
    const r = runToEnd(load('circuit-breaker.json'));
    expect(r.clients.browsers.failed).toBe(0);
    expect(r.clients.buyers.failedBy['short-circuited']).toBeGreaterThan(500);
    expect(r.edges['checkout->payments'].circuitBreaker!.state).toBe('CLOSED');
    const cascade = runToEnd(without('circuit-breaker.json', 'checkout->payments', 'circuitBreaker'));
    expect(cascade.clients.browsers.failed).toBeGreaterThan(500);
    expect(cascade.clients.browsers.latencyMs.p99).toBeGreaterThan(1000);
  });

  it('timeouts: the shop with a timeout fails fast and recovers at 20 s; the one without answers nothing useful from then on', () => {
    const r = runToEnd(load('timeouts.json'));
    const a = r.series.clients['users-a'];
    expect(window(r, a.errorRate, 11_000, 20_000).every((x) => x === 1)).toBe(true);
    expect(window(r, a.errorRate, 21_000, 40_000).every((x) => x === 0)).toBe(true);
    expect(r.clients['users-a'].failedBy.timeout).toBe(r.clients['users-a'].failed);
    expect(sum(window(r, goodput(r, 'users-b'), 12_000, 40_000))).toBe(0);
    expect(r.clients['users-b'].failedBy.timeout).toBe(0);
  });

  it('bulkhead: profile visitors are untouched by the slow recommendations; without the bulkhead they suffer', () => {
    const r = runToEnd(load('bulkhead.json'));
    expect(r.clients['profile-visitors'].failed).toBe(0);
    expect(r.clients['profile-visitors'].latencyMs.p99).toBeLessThan(150);
    expect(r.clients['recs-visitors'].failedBy.rejected).toBeGreaterThan(200);
    const open = runToEnd(without('bulkhead.json', 'api->recommendations', 'bulkhead'));
    expect(open.clients['profile-visitors'].failed).toBeGreaterThan(200);
    expect(open.clients['profile-visitors'].latencyMs.p99).toBeGreaterThan(1000);
  });

  it('rate-limit: the scraper gets 100/s + 200 and 429s, the mobile app nothing; a global bucket throttles both', () => {
    const r = runToEnd(load('rate-limit.json'));
    expect(r.clients['mobile-app'].failed).toBe(0);
    expect(Math.abs(r.clients.scraper.ok - (100 * 30 + 200))).toBeLessThanOrEqual(10);
    expect(r.clients.scraper.failedBy['rate-limited']).toBe(r.clients.scraper.failed);
    const s = load('rate-limit.json') as { nodes: { rateLimit?: { per: string } }[] };
    s.nodes[2].rateLimit!.per = 'global';
    const shared: Report = runToEnd(s as unknown as Record<string, unknown>);
    expect(shared.clients['mobile-app'].failedBy['rate-limited']).toBeGreaterThan(500);
  });

  it('fallback: shoppers never see an error while the fallback answers; without it they do', () => {
    const r = runToEnd(load('fallback.json'));
    const e = r.edges['product->recommendations'];
    expect(r.clients.shoppers.failed).toBe(0);
    expect(e.fallbacks).toBe(e.errors);
    expect(e.fallbacks).toBeGreaterThan(1000);
    const bare = runToEnd(without('fallback.json', 'product->recommendations', 'fallback'));
    expect(bare.clients.shoppers.failed).toBe(bare.edges['product->recommendations'].errors);
    expect(bare.clients.shoppers.failed).toBeGreaterThan(1000);
  });
});
