import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCompose, validateObjects } from '../export/validate';
import { oneLineError, runCli, type Run } from '../helpers/cli';

/**
 * `npm run export -- FILE --to TARGET [--out DIR]` as a person runs it: the same
 * `node scripts/run.mjs src/cli/export.ts`, in child processes started together up front.
 */
const run = (args: string[]): Promise<Run> => runCli('src/cli/export.ts', args, { timeoutMs: 60_000 });

let dir = '';
const runs: Record<string, Promise<Run>> = {};
const STRANGLER = 'scenarios/strangler-fig.json';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'microcosm-export-'));
  writeFileSync(join(dir, 'bad-field.json'), JSON.stringify({ version: 1, name: 'bad', nodes: [{ id: 'a', kind: 'service', instances: 'two' }] }));
  writeFileSync(join(dir, 'not-json.json'), '{ "version": 1, nodes: [');
  // The first run bundles the command; the others then start together.
  runs.compose = run([STRANGLER, '--to', 'compose']);
  await runs.compose;
  runs.k8s = run([STRANGLER, '--to', 'k8s']);
  runs.istio = run(['scenarios/circuit-breaker.json', '--to', 'istio']);
  runs.out = run([STRANGLER, '--to', 'k8s', '--out', join(dir, 'deploy')]);
  runs.namespace = run([STRANGLER, '--to', 'k8s', '--namespace', 'Shop Prod', '--registry', 'ghcr.io/acme/']);
  runs.help = run(['--help']);
  runs.badField = run([join(dir, 'bad-field.json'), '--to', 'compose']);
  runs.notJson = run([join(dir, 'not-json.json'), '--to', 'k8s']);
  runs.missing = run([join(dir, 'nope.json'), '--to', 'k8s']);
  runs.badTarget = run([STRANGLER, '--to', 'helm']);
  runs.noTarget = run([STRANGLER]);
});

afterAll(async () => {
  await Promise.allSettled(Object.values(runs));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run export', () => {
  it('prints a valid Compose file', async () => {
    const r = await runs.compose;
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const { compose, problems } = validateCompose(r.stdout);
    expect(problems).toEqual([]);
    expect(Object.keys(compose.services as object)).toEqual(['gateway', 'legacy', 'orders', 'legacy-db', 'orders-db']);
  });

  it('prints valid Kubernetes and Istio objects', async () => {
    const k8s = await runs.k8s;
    expect(k8s.status).toBe(0);
    const { objects, problems } = validateObjects(k8s.stdout);
    expect(problems).toEqual([]);
    expect(objects.map((o) => o.kind)).toContain('HTTPRoute');
    const istio = await runs.istio;
    expect(istio.status).toBe(0);
    const i = validateObjects(istio.stdout);
    expect(i.problems).toEqual([]);
    expect(i.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toContain('DestinationRule/checkout-to-payments');
  });

  it('with --out writes the file into the folder, the same text it would print', async () => {
    const r = await runs.out;
    expect(r.status).toBe(0);
    const path = join(dir, 'deploy', 'kubernetes.yaml');
    expect(r.stderr.trim()).toBe(`wrote ${path}`);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe((await runs.k8s).stdout);
  });

  it('takes a namespace and an image registry', async () => {
    const r = await runs.namespace;
    expect(r.status).toBe(0);
    const { objects } = validateObjects(r.stdout);
    expect(objects.every((o) => o.kind === 'Namespace' ? o.metadata.name === 'shop-prod' : o.metadata.namespace === 'shop-prod')).toBe(true);
    expect(r.stdout).toContain('image: ghcr.io/acme/orders:latest');
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await runs.help;
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run export -- FILE --to compose\|k8s\|istio/);
  });

  it('a bad scenario is one line naming the file and the field, exit 2', async () => {
    expect(oneLineError(await runs.badField)).toBe(`${join(dir, 'bad-field.json')}: nodes[0].instances: instances must be a number`);
    expect(oneLineError(await runs.notJson)).toMatch(new RegExp(`^${join(dir, 'not-json.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\(file\\): is not valid JSON`));
    expect(oneLineError(await runs.missing)).toBe(`${join(dir, 'nope.json')}: no such file`);
  });

  it('a wrong or missing --to is a usage error, exit 2', async () => {
    for (const r of [await runs.badTarget, await runs.noTarget]) {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^microcosm: (--to must be compose, k8s, istio \(not "helm"\)|say what to export with --to compose\|k8s\|istio)\nusage:/);
    }
  });
});
