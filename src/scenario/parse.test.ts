import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioOrThrow, parseScenarioText, SCENARIO_VERSION } from './parse';
import { formatProblems } from './problems';

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases below build deliberately broken JSON */

/** A small valid scenario: users -> gw -> a -> db, and a spare service b. */
function base(): any {
  return {
    version: 1,
    name: 'shop',
    seed: 3,
    durationMs: 10_000,
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 10 } },
      { id: 'gw', kind: 'gateway', routes: [{ prefix: '/a', to: 'a' }] },
      { id: 'a', kind: 'service' },
      { id: 'b', kind: 'service' },
      { id: 'db', kind: 'database' },
    ],
    edges: [{ from: 'users', to: 'gw' }, { from: 'gw', to: 'a' }, { from: 'a', to: 'db' }],
  };
}

const edit = (f: (s: any) => void) => () => {
  const s = base();
  f(s);
  return JSON.stringify(s);
};

interface BadCase {
  name: string;
  text: () => string;
  path: string;
  message: RegExp;
}

const BAD: BadCase[] = [
  { name: 'not JSON', text: () => '{ not json', path: '(file)', message: /not valid JSON/ },
  { name: 'empty text', text: () => '', path: '(file)', message: /empty/ },
  { name: 'only whitespace', text: () => ' \n\t ', path: '(file)', message: /empty/ },
  { name: 'a JSON array, not an object', text: () => '[1, 2]', path: '(top level)', message: /JSON object/ },
  { name: 'missing version', text: edit((s) => delete s.version), path: 'version', message: /required/ },
  { name: 'version from the future', text: edit((s) => (s.version = SCENARIO_VERSION + 98)), path: 'version', message: /99 is newer.*update/ },
  { name: 'version as a string', text: edit((s) => (s.version = '1')), path: 'version', message: /whole number/ },
  { name: 'missing name', text: edit((s) => delete s.name), path: 'name', message: /name/ },
  { name: 'missing nodes', text: edit((s) => delete s.nodes), path: 'nodes', message: /required/ },
  { name: 'mistyped durationMs ("x")', text: edit((s) => (s.durationMs = 'x')), path: 'durationMs', message: /durationMs must be a number/ },
  { name: 'negative durationMs', text: edit((s) => (s.durationMs = -5)), path: 'durationMs', message: /> 0/ },
  { name: 'unknown top-level field (typo)', text: edit((s) => { s.duratoinMs = s.durationMs; delete s.durationMs; }), path: '(top level)', message: /unknown field "duratoinMs"/ },
  { name: 'unknown node field (typo)', text: edit((s) => (s.nodes[2].concurency = 8)), path: 'nodes[2]', message: /unknown field "concurency"/ },
  { name: 'edge to an unknown node', text: edit((s) => s.edges.push({ from: 'a', to: 'nope' })), path: 'edges[3].to', message: /unknown node "nope"/ },
  { name: 'edge from an unknown node', text: edit((s) => s.edges.push({ from: 'ghost', to: 'b' })), path: 'edges[3].from', message: /unknown node "ghost"/ },
  { name: 'duplicate ids', text: edit((s) => s.nodes.push({ id: 'a', kind: 'service' })), path: 'nodes[5].id', message: /duplicate id "a".*nodes\[2\]/ },
  { name: 'duplicate edges', text: edit((s) => s.edges.push({ from: 'a', to: 'db', latencyMs: 5 })), path: 'edges[3]', message: /duplicate edge a->db.*edges\[2\]/ },
  { name: 'negative rps', text: edit((s) => (s.nodes[0].load.rps = -5)), path: 'nodes[0].load.rps', message: />= 0/ },
  { name: 'absurd rps (1e9)', text: edit((s) => (s.nodes[0].load.rps = 1e9)), path: 'nodes[0].load.rps', message: /<= 1000000/ },
  { name: 'unknown kind', text: edit((s) => (s.nodes[3].kind = 'lambda')), path: 'nodes[3].kind', message: /unknown kind.*service/ },
  { name: 'unknown distribution', text: edit((s) => (s.nodes[2].serviceTimeMs = { dist: 'gamma', mean: 3 })), path: 'nodes[2].serviceTimeMs.dist', message: /unknown distribution.*exponential/ },
  { name: 'negative distribution mean', text: edit((s) => (s.nodes[2].serviceTimeMs = { dist: 'exponential', mean: -3 })), path: 'nodes[2].serviceTimeMs.mean', message: /mean must be >= 0/ },
  { name: 'uniform with max < min', text: edit((s) => (s.edges[1].latencyMs = { dist: 'uniform', min: 5, max: 3 })), path: 'edges[1].latencyMs.max', message: /max must be >= min/ },
  { name: 'a sync call cycle a -> b -> a', text: edit((s) => s.edges.push({ from: 'a', to: 'b' }, { from: 'b', to: 'a' })), path: 'edges', message: /cycle a -> b -> a/ },
  { name: 'a longer cycle through the gateway', text: edit((s) => s.edges.push({ from: 'a', to: 'b' }, { from: 'b', to: 'gw' })), path: 'edges', message: /cycle gw -> a -> b -> gw/ },
  { name: 'a node calling itself', text: edit((s) => s.edges.push({ from: 'b', to: 'b' })), path: 'edges[3]', message: /cannot call itself/ },
  { name: 'an edge out of a database', text: edit((s) => s.edges.push({ from: 'db', to: 'b' })), path: 'edges[3].from', message: /database makes no calls.*"db"/ },
  { name: 'an edge into a client', text: edit((s) => s.edges.push({ from: 'a', to: 'users' })), path: 'edges[3].to', message: /client cannot be called.*"users"/ },
  { name: 'a gateway route to a node without an edge', text: edit((s) => s.nodes[1].routes.push({ prefix: '/b', to: 'b' })), path: 'nodes[1].routes[1].to', message: /no edge gw->b/ },
  { name: 'a gateway route to an unknown node', text: edit((s) => s.nodes[1].routes.push({ prefix: '/z', to: 'zzz' })), path: 'nodes[1].routes[1].to', message: /unknown node "zzz"/ },
  { name: 'warmup equal to the duration', text: edit((s) => (s.warmupMs = 10_000)), path: 'warmupMs', message: /shorter than durationMs/ },
  { name: 'warmup beyond the duration', text: edit((s) => (s.warmupMs = 20_000)), path: 'warmupMs', message: /shorter than durationMs/ },
  { name: 'path weights all 0', text: edit((s) => (s.nodes[0].paths = [{ path: '/a', weight: 0 }, { path: '/b', weight: 0 }])), path: 'nodes[0].paths', message: /weights add up to 0/ },
  { name: 'edge probability above 1', text: edit((s) => (s.edges[2].probability = 1.5)), path: 'edges[2].probability', message: /probability must be <= 1/ },
];

describe('parseScenarioText: bad input gives ok:false and ONE problem naming the field', () => {
  it.each(BAD)('$name', ({ text, path, message }) => {
    const r = parseScenarioText(text());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    const [p] = r.problems;
    expect(p.path).toBe(path);
    expect(p.message).toMatch(message);
    // Clear: one short line, no zod jargon or JSON dumps.
    expect(p.message).not.toMatch(/\n|Invalid input|ZodError|\[object Object\]|undefined/);
    expect(p.message.length).toBeLessThan(200);
  });

  it('never throws, whatever the text', () => {
    const odd = ['null', 'true', '42', '"scenario"', '{}', '{"version":1}', '{"version":1,"nodes":null}', '{"version":1,"name":"x","nodes":[{}]}',
      '{"version":1,"name":"x","nodes":[{"kind":"client"}]}', '{"version":1,"name":"x","nodes":[],"edges":[{}]}', '\u0000', '{"version":1.5}', '{"version":-1}'];
    for (const t of odd) {
      const r = parseScenarioText(t);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.problems) {
          expect(p.path).toBeTruthy();
          expect(p.message).toBeTruthy();
        }
      }
    }
  });

  it('formats a problem as one line "file: path: message"', () => {
    const r = parseScenarioText(edit((s) => (s.durationMs = 'x'))());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatProblems('shop.json', r.problems)).toBe('shop.json: durationMs: durationMs must be a number');
    expect(() => parseScenarioOrThrow(edit((s) => (s.durationMs = 'x'))())).toThrow('durationMs: durationMs must be a number');
  });

  it('reports several independent problems, each with its own path', () => {
    const r = parseScenarioText(edit((s) => {
      s.edges.push({ from: 'a', to: 'nope' });
      s.nodes.push({ id: 'b', kind: 'service' });
    })());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(['edges[3].to', 'nodes[5].id']);
  });
});

describe('parseScenario: valid input', () => {
  it('parses and fills in the defaults', () => {
    const r = parseScenarioText(JSON.stringify(base()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(r.warnings).toEqual([]);
    expect(s.seed).toBe(3);
    expect(s.warmupMs).toBe(0);
    const [users, gw, a, , db] = s.nodes;
    expect(users).toMatchObject({ kind: 'client', load: { rps: 10, arrival: 'poisson' }, paths: [{ path: '/', weight: 1 }] });
    expect(gw).toMatchObject({ kind: 'gateway', instances: 1, loadBalancer: 'round-robin', routes: [{ prefix: '/a', to: 'a' }] });
    expect(a).toMatchObject({
      kind: 'service', instances: 1, concurrency: 4, queueCapacity: 100, loadBalancer: 'round-robin', startupMs: 0,
      serviceTimeMs: { dist: 'exponential', mean: 20 }, callOrder: 'sequential',
    });
    expect(db).toMatchObject({ kind: 'database', replicas: 1, connections: 10, queueCapacity: 100 });
    for (const e of s.edges) expect(e).toMatchObject({ latencyMs: 1, probability: 1 });
    expect(s.edges[0].timeoutMs).toBeUndefined();
  });

  it('fills in the top-level defaults for a minimal file', () => {
    const s = parseScenarioOrThrow({ version: 1, name: 'min', nodes: [{ id: 'users', kind: 'client', load: { users: 5 } }] });
    expect(s).toMatchObject({ seed: 1, durationMs: 60_000, warmupMs: 0, edges: [] });
    expect(s.nodes[0]).toMatchObject({ load: { users: 5, thinkTimeMs: { dist: 'exponential', mean: 1000 } } });
  });

  it('warns (but accepts) a client that calls nothing', () => {
    const r = parseScenario({ version: 1, name: 'alone', nodes: [{ id: 'users', kind: 'client', load: { rps: 1 } }] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.join('\n')).toMatch(/"users" calls nothing/);
  });

  it('warns (but accepts) a circuit breaker on a call without a timeout, and says what to do', () => {
    const data = base();
    data.edges[0].circuitBreaker = { failureRateThreshold: 50 };
    const r = parseScenario(data);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const key = `${data.edges[0].from}->${data.edges[0].to}`;
    expect(r.warnings).toEqual([
      `call ${key} has a circuit breaker but no timeout: a hung dependency never fails a call, so the breaker never opens. Give this call a timeoutMs so a hung dependency counts as a failure and the breaker can open.`,
    ]);
    data.edges[0].timeoutMs = 500;
    const fixed = parseScenario(data);
    expect(fixed.ok && fixed.warnings).toEqual([]);
  });

  it('accepts the $schema key editors add', () => {
    expect(parseScenario({ ...base(), $schema: './scenario.schema.json' }).ok).toBe(true);
  });

  it('does not modify the data it is given', () => {
    const data = base();
    const before = JSON.stringify(data);
    parseScenario(data);
    expect(JSON.stringify(data)).toBe(before);
  });
});
