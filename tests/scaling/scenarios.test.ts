import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { downtimeS } from '../../src/cli/compare';
import type { Report } from '../../src/engine/metrics/report';
import { SIZES } from '../../src/engine/scaling/sizes';
import { storyOf } from '../../src/scenario/story';
import { eventsOf, runScenario } from './helpers';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const load = (name: string) => JSON.parse(readFileSync(resolve(ROOT, 'scenarios', `${name}.json`), 'utf8'));
const NAMES = ['autoscale-spike', 'scale-out-vs-up', 'scale-up', 'sticky-sessions'];
const reports = new Map<string, Report>();
const report = (name: string) => {
  if (!reports.has(name)) reports.set(name, runScenario(load(name)));
  return reports.get(name)!;
};

describe.each(NAMES)('scenarios/%s.json', (name) => {
  it('is a lesson: a short description, labels, and positions left to right', () => {
    const data = load(name);
    const sentences = storyOf(data.description as string).text.join(' ').split(/(?<=\.)\s+/).filter((s) => /[a-z]/.test(s));
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    for (const n of data.nodes) {
      expect(n.label, n.id).toBeTruthy();
      expect(n.position, n.id).toBeTruthy();
    }
    for (const e of data.edges) {
      const from = data.nodes.find((n: { id: string }) => n.id === e.from).position.x;
      const to = data.nodes.find((n: { id: string }) => n.id === e.to).position.x;
      expect(to - from).toBe(250);
    }
  });
});

describe('what the scenarios show', () => {
  it('autoscale-spike: replicas follow the spike after a sync, and leave only after the 5-minute window', () => {
    const r = report('autoscale-spike');
    const ups = eventsOf(r, 'autoscale').filter((e) => /scale up/.test(e.message));
    const downs = eventsOf(r, 'autoscale').filter((e) => !/scale up/.test(e.message));
    expect(ups[0].atMs).toBeGreaterThan(60_000);
    expect(ups[0].atMs).toBeLessThanOrEqual(75_000);
    expect(Math.max(...r.series.nodes.catalog.replicas)).toBeGreaterThan(4);
    expect(downs.length).toBeGreaterThan(0);
    for (const d of downs) expect(d.atMs).toBeGreaterThanOrEqual(ups[ups.length - 1].atMs + 300_000);
    expect(r.nodes.catalog.replicas).toBe(2);
  });

  it('scale-out-vs-up against scale-up: half the price, no downtime when one instance dies', () => {
    const out = report('scale-out-vs-up'), up = report('scale-up');
    expect(out.cost.perHour.checkout).toBeCloseTo(4 * SIZES.small.pricePerHour, 9);
    expect(up.cost.perHour.checkout).toBeCloseTo(SIZES.xlarge.pricePerHour, 9);
    expect(up.cost.total).toBeCloseTo(2 * out.cost.total, 6);
    expect(downtimeS(out, 'checkout')).toBe(0);
    // 30 s crashed + 20 s start-up with nothing ready.
    expect(downtimeS(up, 'checkout')).toBeGreaterThanOrEqual(49);
    expect(downtimeS(up, 'checkout')).toBeLessThanOrEqual(51);
    expect(out.clients.shoppers.errorRate).toBeLessThan(0.001);
    expect(up.clients.shoppers.errorRate).toBeGreaterThan(0.2);
  });

  it('sticky-sessions: the sticky cart loses about a third of 600 sessions, the store-backed one none', () => {
    const r = report('sticky-sessions');
    expect(r.nodes['cart-sticky'].sessionsLost).toBeGreaterThan(150);
    expect(r.nodes['cart-sticky'].sessionsLost).toBeLessThan(250);
    expect(r.nodes['cart-store'].sessionsLost).toBe(0);
  });
});

describe('npm run sim -- FILE --compare OTHER', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('prints the two runs side by side: cost, latency, failures, downtime', () => {
    const r = cli('scenarios/scale-out-vs-up.json', '--compare', 'scenarios/scale-up.json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/scenarios\/scale-out-vs-up\.json\s+scenarios\/scale-up\.json$/);
    const row = (label: string) => lines.find((l) => l.startsWith(label))!.slice(label.length).trim().split(/\s{2,}/);
    expect(row('checkout: instances (configured)')).toEqual(['4 x small', '1 x xlarge']);
    expect(row('cost per hour now')).toEqual(['$0.3840', '$0.7680']);
    expect(row('checkout: downtime s (none ready)')).toEqual(['0', '50']);
    expect(lines.some((l) => l.startsWith('shoppers: latency p99 ms'))).toBe(true);
  });

  it('--json gives both reports', () => {
    const r = cli('scenarios/scale-out-vs-up.json', '--compare', 'scenarios/scale-up.json', '--json', '--duration', '20000');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.files).toEqual(['scenarios/scale-out-vs-up.json', 'scenarios/scale-up.json']);
    expect(out.reports.map((x: Report) => x.durationMs)).toEqual([20_000, 20_000]);
    expect(out.reports[1].cost.total).toBeGreaterThan(out.reports[0].cost.total);
  });

  it('a bad second file is one line naming it, exit 2', () => {
    const r = cli('scenarios/scale-out-vs-up.json', '--compare', 'scenarios/nope.json');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('scenarios/nope.json: no such file');
  });
});
