import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limiter, runCli, STACK_LINE, type Run } from '../helpers/cli';

/**
 * `npm run sweep` as a person uses it: the real command in child processes, started together
 * up front (two at a time) and awaited by each test.
 */
const FILE = 'scenarios/scale-out-vs-up.json'; // 400 requests/s on `checkout`: 4 small instances x 4 workers, 20 ms each
const BASE = [FILE, '--vary', 'nodes.checkout.instances=2..6', '--seeds', '2', '--duration', '10000'];

let dir = '';
const runs: Record<string, Promise<Run>> = {};
const limit = limiter(2);
const sweep = (name: string, args: string[]) => (runs[name] = limit(() => runCli('src/cli/sweep.ts', args)));

interface Stat { mean: number; min: number; max: number }
interface Row { value: number; runs: number; failed: number; clients: Record<string, { p99: Stat }>; cost: Stat; errorRate: Stat }

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'microcosm-sweep-'));
  sweep('one', [...BASE, '--threads', '1', '--csv', join(dir, 'one.csv')]);
  sweep('two', [...BASE, '--threads', '2', '--csv', join(dir, 'two.csv')]);
  sweep('json', [...BASE, '--json']);
  sweep('edge', [FILE, '--vary', 'edges.shoppers->checkout.timeoutMs=50..150', '--step', '50', '--duration', '5000', '--json']);
  sweep('own', [FILE, '--vary', 'nodes.checkout.instances=4', '--duration', '10000', '--json']);
  runs.sim = limit(() => runCli('src/cli/sim.ts', [FILE, '--duration', '10000', '--json']));
  sweep('help', ['--help']);
  sweep('noFile', ['nope.json', '--vary', 'nodes.a.instances=1..2']);
  sweep('badPath', [FILE, '--vary', 'nodes.api.instances=1..2']);
  sweep('badValue', [FILE, '--vary', 'nodes.checkout.size=small,huge']);
  sweep('group', [FILE, '--vary', 'nodes.checkout=1..2']);
  sweep('noVary', [FILE]);
  sweep('csvInShard', [...BASE, '--shard', '0/2', '--csv', 'x.csv']);
});

afterAll(async () => {
  await Promise.allSettled(Object.values(runs));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run sweep', () => {
  it('prints one row per value, the same on one thread as on two, byte for byte', async () => {
    const [one, two] = [await runs.one, await runs.two];
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(readFileSync(join(dir, 'two.csv'), 'utf8')).toBe(readFileSync(join(dir, 'one.csv'), 'utf8'));
    const lines = one.stdout.split('\n');
    expect(lines[0]).toBe(`${FILE}: nodes.checkout.instances over 5 values, seeds 5–6 (mean, and min–max), 10 s simulated each`);
    expect(lines[2].split(/\s{2,}/)).toEqual(['nodes.checkout.instances', 'shoppers p50 ms', 'shoppers p99 ms', 'error rate', 'answers/s', 'cost']);
    expect(lines.slice(3, 8).map((l) => l.split(/\s+/)[0])).toEqual(['2', '3', '4', '5', '6']);
    // Seeds that disagree show their range.
    expect(lines[3]).toMatch(/\d+ \(\d+–\d+\)/);
  });

  it('agrees with queueing: 8 busy workers saturate 2 instances, 3 or more keep p99 low; cost grows with the instances', async () => {
    const rows: Row[] = JSON.parse((await runs.json).stdout).rows;
    const p99 = rows.map((r) => r.clients.shoppers.p99.mean);
    // 400/s x 20 ms is 8 workers busy on average: 2 instances x 4 workers run at 100 %, and the queue grows.
    expect(p99[0]).toBeGreaterThan(2 * p99[1]);
    for (const v of p99.slice(1)) expect(v).toBeLessThan(200);
    // Instances cost by the hour: the bill is in proportion to their number.
    const perInstance = rows.map((r) => r.cost.mean / r.value);
    for (const c of perInstance) expect(c).toBeCloseTo(perInstance[0], 5);
    expect(rows.every((r) => r.runs === 2 && r.failed === 0)).toBe(true);
  });

  it('with the scenario\'s own value and seed, gives the figures npm run sim gives', async () => {
    const row: Row & { clients: Record<string, { p50: Stat }> } = JSON.parse((await runs.own).stdout).rows[0];
    const report = JSON.parse((await runs.sim).stdout);
    expect(row.clients.shoppers.p99.mean).toBe(report.clients.shoppers.latencyMs.p99);
    expect(row.clients.shoppers.p50.mean).toBe(report.clients.shoppers.latencyMs.p50);
    expect(row.cost.mean).toBe(report.cost.total);
  });

  it('varies a call by its from->to name: a shorter timeout fails more calls', async () => {
    const r = await runs.edge;
    expect(r.status, r.stderr).toBe(0);
    const rows: Row[] = JSON.parse(r.stdout).rows;
    expect(rows.map((x) => x.value)).toEqual([50, 100, 150]);
    expect(rows[0].errorRate.mean).toBeGreaterThan(rows[1].errorRate.mean);
    expect(rows[1].errorRate.mean).toBeGreaterThan(rows[2].errorRate.mean);
  });

  it('--help lists the options', async () => {
    const r = await runs.help;
    expect(r.status).toBe(0);
    for (const o of ['--vary PATH=A..B', '--step', '--seeds N', '--csv OUT', '--threads N', '--shard I/N', '--k8s-job N']) expect(r.stdout).toContain(o);
  });

  it('bad input: exit 2, one line naming the file and the field, no stack trace', async () => {
    const expected: Record<string, string> = {
      noFile: 'nope.json: no such file',
      badPath: `${FILE}: --vary: "nodes.api.instances" does not exist: no "api" under nodes (there are shoppers, checkout)`,
      badValue: `${FILE}: --vary nodes.checkout.size=huge: nodes[1].size: must be one of "small", "medium", "large", "xlarge"`,
      group: `${FILE}: --vary: "nodes.checkout" is a group of settings, not one value; name a field inside it`,
    };
    for (const [name, line] of Object.entries(expected)) {
      const r = await runs[name];
      expect(r.status, name).toBe(2);
      expect(r.stdout, name).toBe('');
      expect(r.stderr, name).toBe(line + '\n');
    }
    for (const [name, message] of [['noVary', 'say what to vary'], ['csvInShard', 'the CSV comes from npm run merge']]) {
      const r = await runs[name];
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(new RegExp(`^microcosm: .*${message}`));
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});
