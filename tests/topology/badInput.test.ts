import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse';
import { ROOT, type Data } from './helpers';

/**
 * Bad values in the topology fields (splits, operations, sagas, queues, scaling, sessions,
 * registries) are refused before anything runs, with one problem whose path names the field.
 */
const base = (): Data => ({
  version: 1, name: 'bad topology', durationMs: 10_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 10 }, paths: [{ path: '/orders', weight: 1 }] },
    { id: 'gw', kind: 'gateway', routes: [{ prefix: '/orders', to: [{ service: 'legacy', weight: 90 }, { service: 'orders', weight: 10 }] }] },
    { id: 'legacy', kind: 'service', operations: [{ path: '/orders', serviceTimeMs: 30, calls: ['db'] }] },
    { id: 'orders', kind: 'service' },
    { id: 'reports', kind: 'service' },
    { id: 'db', kind: 'database' },
  ],
  edges: [
    { from: 'users', to: 'gw' }, { from: 'gw', to: 'legacy' }, { from: 'gw', to: 'orders' }, { from: 'legacy', to: 'db' },
  ],
});

/** The scenario's nodes, by index in `base()`: 1 gateway, 2 legacy, 3 orders. */
const GW = 1, LEGACY = 2, ORDERS = 3;

function problemsOf(edit: (s: Data) => void) {
  const s = base();
  edit(s);
  const r = parseScenario(s);
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.problems;
}

const CASES: { name: string; edit: (s: Data) => void; path: string; message: RegExp }[] = [
  {
    name: 'a split naming an unknown service',
    edit: (s) => (s.nodes[GW].routes[0].to[1].service = 'ordrs'),
    path: 'nodes[1].routes[0].to[1].service', message: /unknown node "ordrs"/,
  },
  {
    name: 'a split to a service with no edge from the gateway',
    edit: (s) => (s.nodes[GW].routes[0].to[1].service = 'reports'),
    path: 'nodes[1].routes[0].to[1].service', message: /no edge gw->reports/,
  },
  {
    name: 'split weights that add up to 0',
    edit: (s) => s.nodes[GW].routes[0].to.forEach((t: Data) => (t.weight = 0)),
    path: 'nodes[1].routes[0].to', message: /weights add up to 0/,
  },
  {
    name: 'a negative split weight',
    edit: (s) => (s.nodes[GW].routes[0].to[0].weight = -10),
    path: 'nodes[1].routes[0].to[0].weight', message: /weight must be >= 0/,
  },
  {
    name: 'an operation calling a node with no edge',
    edit: (s) => s.nodes[LEGACY].operations.push({ path: '/reports', serviceTimeMs: 5, calls: ['reports'] }),
    path: 'nodes[2].operations[1].calls[0]', message: /no edge legacy->reports/,
  },
  {
    name: 'a saga step with no edge',
    edit: (s) => {
      s.nodes.push({ id: 'checkout', kind: 'saga', steps: [{ call: 'orders', compensate: 'legacy' }, { call: 'reports' }] });
      s.edges.push({ from: 'checkout', to: 'orders' }, { from: 'checkout', to: 'legacy' });
    },
    path: 'nodes[6].steps[1].call', message: /no edge checkout->reports/,
  },
  {
    name: 'a queue whose deadLetter is not a queue',
    edit: (s) => s.nodes.push({ id: 'events', kind: 'queue', maxReceiveCount: 3, deadLetter: 'db' }),
    path: 'nodes[6].deadLetter', message: /"db" is a database: deadLetter must name a queue/,
  },
  {
    name: 'autoscale maxReplicas below minReplicas',
    edit: (s) => (s.nodes[ORDERS].autoscale = { minReplicas: 4, maxReplicas: 2 }),
    path: 'nodes[3].autoscale.maxReplicas', message: /maxReplicas must be greater than or equal to minReplicas/,
  },
  {
    name: 'an unknown size name',
    edit: (s) => (s.nodes[ORDERS].size = 'huge'),
    path: 'nodes[3].size', message: /small.*medium.*large.*xlarge/,
  },
  {
    name: 'sessions "store" without a sessionStore',
    edit: (s) => (s.nodes[ORDERS].sessions = 'store'),
    path: 'nodes[3].sessionStore', message: /sessions "store" needs sessionStore/,
  },
  {
    name: 'a registry with a negative heartbeat',
    edit: (s) => s.nodes.push({ id: 'registry', kind: 'registry', heartbeatMs: -1000 }),
    path: 'nodes[6].heartbeatMs', message: />\s*0/,
  },
];

describe('bad topology fields are refused with one problem naming the field', () => {
  it('(for contrast) the base scenario is fine', () => {
    const r = parseScenario(base());
    expect(r.ok).toBe(true);
  });

  it.each(CASES)('$name', ({ edit, path, message }) => {
    const problems = problemsOf(edit);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(path);
    expect(problems[0].message).toMatch(message);
  });
});

describe('through the CLI: npm run -s sim -- FILE', () => {
  it('a split to a service with no edge: exit 2, the file and the field path on stderr, nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microcosm-topology-'));
    try {
      const file = join(dir, 'bad-split.json');
      const s = base();
      s.nodes[GW].routes[0].to[1].service = 'reports';
      writeFileSync(file, JSON.stringify(s, null, 2));
      const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
        const child = spawn('npm', ['run', '-s', 'sim', '--', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '', stderr = '';
        child.stdout.setEncoding('utf8').on('data', (x: string) => (stdout += x));
        child.stderr.setEncoding('utf8').on('data', (x: string) => (stderr += x));
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.on('error', fail);
        child.on('close', (status) => {
          clearTimeout(timer);
          done({ status, stdout, stderr });
        });
      });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(file);
      expect(run.stderr).toContain('nodes[1].routes[0].to[1].service');
      expect(run.stderr).toContain('no edge gw->reports');
      expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+/m); // no stack trace
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
