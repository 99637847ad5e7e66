import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limiter } from '../helpers/cli';

/**
 * The CLI as a person uses it: `npm run sim -- FILE [options]`, run here as the same
 * `tsx src/cli/sim.ts` in child processes (each costs about half a second, so they are
 * started together up front and every test awaits its own).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const STACK_LINE = /^\s+at .+:\d+:\d+/m;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs the CLI with a time limit: a hang fails the test instead of stalling the suite. */
function sim(args: string[], timeoutMs = 60_000): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '', timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', fail);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr, timedOut });
    });
  });
}

const VALID = {
  version: 1, name: 'cli-valid', seed: 1, durationMs: 20_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 50, arrival: 'poisson' } },
    { id: 's', kind: 'service', instances: 2, concurrency: 2, serviceTimeMs: { dist: 'exponential', mean: 10 } },
  ],
  edges: [{ from: 'users', to: 's' }],
};

let dir = '';
const file = (name: string) => join(dir, name);
const runs: Record<string, Promise<Run>> = {};

/** The one line a bad input prints: checks exit 2, nothing on stdout, one line, no stack. */
function oneLineError(r: Run): string {
  expect(r.timedOut).toBe(false);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/internal error|Error:|node:internal/);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'microcosm-cli-'));
  writeFileSync(file('valid.json'), JSON.stringify(VALID, null, 2));
  writeFileSync(file('not-json.json'), '{ "version": 1, nodes: [');
  writeFileSync(file('empty.json'), '');
  writeFileSync(file('bad-field.json'), JSON.stringify({ ...VALID, durationMs: 'x' }));
  writeFileSync(file('typo.json'), JSON.stringify({ ...VALID, nodes: [VALID.nodes[0], { ...VALID.nodes[1], concurency: 3 }] }));
  // A day at 100 rps: about 35 million events.
  writeFileSync(file('long.json'), JSON.stringify({ ...VALID, name: 'long', durationMs: 86_400_000, nodes: [{ ...VALID.nodes[0], load: { rps: 100 } }, VALID.nodes[1]] }));
  // Ten users with no think time and no work: far more events than the up-front estimate.
  writeFileSync(file('busy.json'), JSON.stringify({
    version: 1, name: 'busy', durationMs: 60_000,
    nodes: [{ id: 'users', kind: 'client', load: { users: 10, thinkTimeMs: 0.001 } }, { id: 's', kind: 'service', serviceTimeMs: 0.001 }],
    edges: [{ from: 'users', to: 's', latencyMs: 0 }],
  }));

  const limit = limiter(3);
  const start = (name: string, args: string[]) => (runs[name] = limit(() => sim(args)));
  start('table', [file('valid.json')]);
  start('jsonA', [file('valid.json'), '--json']);
  start('jsonB', [file('valid.json'), '--json']);
  start('flags', [file('valid.json'), '--json', '--duration', '5000', '--seed', '9', '--warmup', '1000']);
  start('notJson', [file('not-json.json')]);
  start('empty', [file('empty.json'), '--json']);
  start('missing', [file('no-such-file.json')]);
  start('unknownOption', [file('valid.json'), '--bogus']);
  start('badField', [file('bad-field.json'), '--json']);
  start('typo', [file('typo.json')]);
  start('warmupTooLong', [file('valid.json'), '--warmup', '20000']);
  start('budgetUpFront', [file('long.json'), '--max-events', '1000']);
  start('budgetInRun', [file('busy.json'), '--max-events', '30000']);
  start('help', ['--help']);
  start('helpShort', ['-h']);
  start('helpWithFile', [file('valid.json'), '--json', '-h']);
});

afterAll(async () => {
  await Promise.allSettled(Object.values(runs));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run sim: a valid scenario', () => {
  it('exits 0 and prints a readable table of clients, nodes and edges', async () => {
    const r = await runs.table;
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^cli-valid: 20 s simulated \(warm-up 0 s\), seed 1, \d+ events in \d+ ms$/);
    const header = (first: string) => lines.find((l) => l.startsWith(first))!;
    expect(header('client').split(/\s+/)).toEqual(['client', 'sent', 'ok', 'failed', 'rps', 'mean', 'ms', 'p50', 'p95', 'p99', 'max']);
    expect(header('node').split(/\s+/)).toEqual(['node', 'kind', 'replicas', 'arrivals', 'completed', 'rejected', 'util', 'queue', 'resp', 'ms']);
    expect(header('edge').split(/\s+/)).toEqual(['edge', 'calls', 'errors', 'timeouts', 'p99', 'ms']);
    // One row each, numbers in the columns, no JSON.
    expect(lines.find((l) => l.startsWith('users '))).toMatch(/^users\s+\d+\s+\d+\s+0\s+[\d.]+(\s+[\d.]+){5}$/);
    expect(lines.find((l) => l.startsWith('s '))).toMatch(/^s\s+service\s+2\s+\d+\s+\d+\s+0\s+[\d.]+%\s+[\d.]+\s+[\d.]+$/);
    expect(lines.find((l) => l.startsWith('users->s '))).toMatch(/^users->s\s+\d+\s+0\s+0\s+[\d.]+$/);
    expect(r.stdout).not.toMatch(/[{}"]/);
  });

  it('--json prints only JSON on stdout, with the promised top-level fields', async () => {
    const r = await runs.jsonA;
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    for (const k of ['seed', 'durationMs', 'warmupMs', 'events', 'wallMs', 'clients', 'nodes', 'edges', 'series']) expect(report, k).toHaveProperty(k);
    expect(report).toMatchObject({ seed: 1, durationMs: 20_000, warmupMs: 0 });
    expect(typeof report.wallMs).toBe('number');
    expect(report.clients.users).toHaveProperty('latencyMs.p99');
    expect(report.nodes.s).toHaveProperty('utilization');
    expect(report.edges['users->s']).toHaveProperty('calls');
    expect(report.series.tMs.length).toBeGreaterThanOrEqual(19);
    expect(report.series.tMs.length).toBeLessThanOrEqual(21);
    for (const v of Object.values(report.series.nodes.s)) if (Array.isArray(v)) expect(v).toHaveLength(report.series.tMs.length);
    expect(processed(report)).toBeGreaterThan(1000);
  });

  it('gives identical JSON for the same file and seed, once wallMs is removed', async () => {
    const [a, b] = await Promise.all([runs.jsonA, runs.jsonB]);
    const strip = (s: string) => {
      const { wallMs: _wallMs, ...rest } = JSON.parse(s);
      return rest;
    };
    expect(strip(b.stdout)).toEqual(strip(a.stdout));
  });

  it('--duration, --seed and --warmup take effect', async () => {
    const [r, base] = await Promise.all([runs.flags, runs.jsonA]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout), baseline = JSON.parse(base.stdout);
    expect(report).toMatchObject({ seed: 9, durationMs: 5000, warmupMs: 1000, simulatedMs: 5000 });
    expect(report.series.tMs.length).toBeGreaterThanOrEqual(4);
    expect(report.series.tMs.length).toBeLessThanOrEqual(6);
    // 4 measured seconds at 50 rps, not 20 s: about 200 requests (vs about 1000).
    expect(report.clients.users.sent).toBeGreaterThan(120);
    expect(report.clients.users.sent).toBeLessThan(300);
    expect(baseline.clients.users.sent).toBeGreaterThan(800);
    expect(Math.abs(report.clients.users.throughput - 50)).toBeLessThan(15);
    expect(processed(report)).toBeLessThan(processed(baseline));
  });
});

describe('npm run sim: bad input exits 2 with one message naming the file and the field, no stack trace', () => {
  it('a file that is not JSON', async () => {
    expect(oneLineError(await runs.notJson)).toMatch(new RegExp(`^${esc(file('not-json.json'))}: \\(file\\): is not valid JSON`));
  });

  it('an empty file', async () => {
    expect(oneLineError(await runs.empty)).toBe(`${file('empty.json')}: (file): is empty: expected a scenario in JSON`);
  });

  it('a missing file', async () => {
    expect(oneLineError(await runs.missing)).toBe(`${file('no-such-file.json')}: no such file`);
  });

  it('a mistyped field', async () => {
    expect(oneLineError(await runs.badField)).toBe(`${file('bad-field.json')}: durationMs: durationMs must be a number`);
  });

  it('an unknown field (a typo)', async () => {
    expect(oneLineError(await runs.typo)).toBe(`${file('typo.json')}: nodes[1]: unknown field "concurency"`);
  });

  it('a warm-up as long as the run', async () => {
    expect(oneLineError(await runs.warmupTooLong)).toMatch(new RegExp(`^${esc(file('valid.json'))}: .*warm-up.*shorter`));
  });

  it('an unknown option: the option and the usage, exit 2', async () => {
    const r = await runs.unknownOption;
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_LINE);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('microcosm: unknown option --bogus');
    expect(lines.slice(1).join('\n')).toMatch(/^usage: /);
    expect(lines.length).toBeLessThanOrEqual(2);
  });
});

describe('npm run sim: help', () => {
  it('--help and -h print the usage and what each option does, and exit 0', async () => {
    for (const r of [await runs.help, await runs.helpShort, await runs.helpWithFile]) {
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^usage: npm run sim -- FILE/);
      for (const option of ['--duration', '--seed', '--warmup', '--max-events', '--json', '--traces', '--compare', '--help']) expect(r.stdout).toMatch(new RegExp(`^ +(-h, )?${option} `, 'm'));
    }
  });
});

describe('npm run sim: the event budget', () => {
  it('refuses a run far over --max-events up front, naming the budget', async () => {
    const line = oneLineError(await runs.budgetUpFront);
    expect(line).toMatch(new RegExp(`^${esc(file('long.json'))}: `));
    expect(line).toMatch(/budget of 1,000/);
  });

  it('stops a run that exceeds --max-events while running, naming the budget (no hang)', async () => {
    const line = oneLineError(await runs.budgetInRun);
    expect(line).toMatch(new RegExp(`^${esc(file('busy.json'))}: `));
    expect(line).toMatch(/stopped after 30000 events \(the event budget\)/);
  });
});

/** Events the engine processed: `eventsProcessed`, or `events` where that is still the count. */
function processed(r: { events?: unknown; eventsProcessed?: number }): number {
  return typeof r.events === 'number' ? r.events : r.eventsProcessed!;
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
