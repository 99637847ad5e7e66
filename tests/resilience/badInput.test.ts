import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse';

// Bad values in the resilience fields are refused with a problem that names the field (its
// path in the file) and says what is wrong, before anything runs.
const base = () => ({
  version: 1, name: 'bad input', durationMs: 10_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 10 } },
    { id: 'gw', kind: 'gateway', routes: [{ prefix: '/', to: 'api' }] },
    { id: 'api', kind: 'service' },
    { id: 'auth', kind: 'service' },
  ] as Record<string, unknown>[],
  edges: [{ from: 'users', to: 'gw' }, { from: 'gw', to: 'api' }] as Record<string, unknown>[],
  faults: [] as Record<string, unknown>[],
});

function problems(s: ReturnType<typeof base>) {
  const r = parseScenario(s);
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.problems;
}

describe('bad resilience settings are refused, naming the field', () => {
  it('(for contrast) the base scenario is fine', () => {
    expect(parseScenario(base()).ok).toBe(true);
  });

  it('a breaker failureRateThreshold of 150 %', () => {
    const s = base();
    s.edges[1].circuitBreaker = { failureRateThreshold: 150 };
    expect(problems(s)).toEqual([{ path: 'edges[1].circuitBreaker.failureRateThreshold', message: 'failureRateThreshold is a percentage: at most 100' }]);
  });

  it('a negative backoffMs', () => {
    const s = base();
    s.edges[1].retry = { maxAttempts: 3, backoffMs: -5 };
    expect(problems(s)).toEqual([{ path: 'edges[1].retry.backoffMs', message: 'backoffMs must be >= 0 ms' }]);
  });

  it('a fault on a node that does not exist', () => {
    const s = base();
    s.faults.push({ kind: 'kill-instance', target: 'payments', atMs: 1000 });
    expect(problems(s)).toEqual([{ path: 'faults[0].target', message: 'unknown node "payments"' }]);
  });

  it('a partition aimed at a node instead of an edge', () => {
    const s = base();
    s.faults.push({ kind: 'partition', target: 'api', atMs: 1000, durationMs: 1000 });
    const p = problems(s);
    expect(p).toHaveLength(1);
    expect(p[0].path).toBe('faults[0].target');
    expect(p[0].message).toMatch(/edge "a->b"/);
  });

  it('a partition on an edge that does not exist', () => {
    const s = base();
    s.faults.push({ kind: 'partition', target: 'api->auth', atMs: 1000 });
    expect(problems(s)).toEqual([{ path: 'faults[0].target', message: 'no edge "api->auth" to partition' }]);
  });

  it('a gateway route to a service that does not exist', () => {
    const s = base();
    s.nodes[1].routes = [{ prefix: '/', to: 'api' }, { prefix: '/pay', to: 'payments' }];
    expect(problems(s)).toEqual([{ path: 'nodes[1].routes[1].to', message: 'unknown node "payments"' }]);
  });

  it('a gateway route to a node it has no edge to', () => {
    const s = base();
    s.nodes[1].routes = [{ prefix: '/', to: 'api' }, { prefix: '/auth', to: 'auth' }];
    expect(problems(s)).toEqual([{ path: 'nodes[1].routes[1].to', message: 'no edge gw->auth: connect "gw" to "auth"' }]);
  });

  it('auth.to without an edge to the auth service', () => {
    const s = base();
    s.nodes[1].auth = { to: 'auth' };
    expect(problems(s)).toEqual([{ path: 'nodes[1].auth.to', message: 'no edge gw->auth: connect "gw" to "auth"' }]);
  });

  it('other out-of-range fields name themselves too', () => {
    const cases: [(s: ReturnType<typeof base>) => void, string, RegExp][] = [
      [(s) => (s.edges[1].retry = { maxAttempts: 0 }), 'edges[1].retry.maxAttempts', />= 1/],
      [(s) => (s.edges[1].retry = { jitter: 'random' }), 'edges[1].retry.jitter', /none, full, equal, decorrelated/],
      [(s) => (s.edges[1].retry = { retryOn: ['error', 'error'] }), 'edges[1].retry.retryOn', /at most once/],
      [(s) => (s.edges[1].retry = { budget: { percent: 120 } }), 'edges[1].retry.budget.percent', /at most 100/],
      [(s) => (s.edges[1].bulkhead = { maxConcurrentCalls: 0 }), 'edges[1].bulkhead.maxConcurrentCalls', />= 1/],
      [(s) => (s.edges[1].timeoutMs = 0), 'edges[1].timeoutMs', /> 0/],
      [(s) => (s.edges[1].circuitBreaker = { slidingWindowType: 'SLIDING' }), 'edges[1].circuitBreaker.slidingWindowType', /COUNT_BASED/],
      [(s) => (s.edges[1].circuitBreaker = { waitDurationInOpenState: 1000 }), 'edges[1].circuitBreaker', /unknown field "waitDurationInOpenState"/],
      [(s) => (s.nodes[1].rateLimit = { tokensPerSecond: 0 }), 'nodes[1].rateLimit.tokensPerSecond', /> 0/],
      [(s) => (s.nodes[1].rateLimit = { tokensPerSecond: 10, per: 'ip' }), 'nodes[1].rateLimit.per', /global or client/],
      [(s) => s.faults.push({ kind: 'error', target: 'api', rate: 5 }), 'faults[0].rate', /<= 1/],
      [(s) => s.faults.push({ kind: 'error', target: 'users', rate: 0.5 }), 'faults[0].target', /not the client "users"/],
    ];
    for (const [edit, path, message] of cases) {
      const s = base();
      edit(s);
      const p = problems(s);
      expect(p.map((x) => x.path), `${path}: ${JSON.stringify(p)}`).toContain(path);
      expect(p.find((x) => x.path === path)!.message).toMatch(message);
    }
  });
});
