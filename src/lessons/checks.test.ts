import { describe, expect, it } from 'vitest';
import type { Report } from '../engine/metrics/report';
import type { ScenarioInput } from '../engine/model';
import { evaluateGoals, type EvaluateOptions } from './checks';
import { checkSchema, type CheckInput } from './schema';
import type { Lesson, Verdict } from './types';

/** A report with just what the checks read: ten one-second points, a few figures and events. */
function report(over: Partial<Record<keyof Report, unknown>> = {}): Report {
  return {
    name: 't', seed: 7, durationMs: 10_000, warmupMs: 0, simulatedMs: 10_000, eventsProcessed: 1,
    clients: { users: { sent: 100, ok: 90, failed: 10, errorRate: 0.1, throughput: 10, latencyMs: { mean: 50, p50: 40, p95: 100, p99: 120, max: 300 } } },
    nodes: { api: { kind: 'service', completed: 95, utilization: 0.5 } },
    edges: { 'api->db': { calls: 95, shortCircuited: 3 } },
    series: {
      tMs: [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000],
      clients: { users: { latencyP99Ms: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100], failuresPerS: { timeout: [0, 0, 0, 1, 2, 0, 0, 0, 0, 0] } } },
      nodes: {}, edges: {},
    },
    events: [
      { atMs: 3000, kind: 'fault-start', message: 'kill-service on db', node: 'db', fault: 'db-down' },
      { atMs: 3500, kind: 'breaker', message: 'breaker on api->db: CLOSED -> OPEN', edge: 'api->db' },
      { atMs: 5000, kind: 'fault-end', message: 'kill-service on db ended', node: 'db', fault: 'db-down' },
      { atMs: 6500, kind: 'breaker', message: 'breaker on api->db: OPEN -> HALF_OPEN', edge: 'api->db' },
      { atMs: 8000, kind: 'breaker', message: 'breaker on api->db: HALF_OPEN -> CLOSED', edge: 'api->db' },
    ],
    eventsDropped: 0, cost: { total: 1.5 }, warnings: [],
    ...over,
  } as unknown as Report;
}

const scenario = {
  version: 1, name: 's',
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 10 } }, { id: 'gw', kind: 'gateway' }, { id: 'api', kind: 'service' },
    { id: 'orders', kind: 'service' }, { id: 'db', kind: 'database' },
  ],
  edges: [{ from: 'users', to: 'gw' }, { from: 'gw', to: 'api' }, { from: 'api', to: 'db', circuitBreaker: {} }, { from: 'orders', to: 'db' }],
  faults: [{ id: 'db-down', kind: 'kill-service', target: 'db', atMs: 3000, durationMs: 2000 }, { id: 'later', kind: 'kill-service', target: 'db', atMs: 8000, durationMs: 1000 }],
} as ScenarioInput;

/** Judges one check as a lesson's only goal. */
function judge(check: CheckInput, opts: Partial<EvaluateOptions> & { report?: Report } = {}): Verdict {
  const lesson = { goals: [{ id: 'g', label: 'g', bonus: false, check: checkSchema.parse(check) }] } as unknown as Lesson;
  return evaluateGoals(lesson, opts.report ?? report(), { final: true, scenario, ...opts })[0];
}

describe('metric checks', () => {
  it('compare a figure of the report with a number, with every op', () => {
    expect(judge({ metric: 'clients.users.latencyMs.p99', op: '<=', value: 300 })).toEqual({
      goal: 'g', status: 'pass', actual: 120, limit: 300, op: '<=', seed: 7, message: 'clients.users.latencyMs.p99 = 120, meets <= 300',
    });
    const cases: [string, number, string][] = [['<', 120, 'fail'], ['<=', 120, 'pass'], ['>', 119, 'pass'], ['>=', 121, 'fail'], ['==', 120, 'pass'], ['!=', 120, 'fail']];
    for (const [op, value, status] of cases) expect(judge({ metric: 'clients.users.latencyMs.p99', op: op as '<', value }).status, `${op} ${value}`).toBe(status);
    expect(judge({ metric: 'clients.users.latencyMs.p99', op: '<', value: 100 }).message).toBe('clients.users.latencyMs.p99 = 120, needs < 100');
  });

  it('compare with another figure of the same run times k', () => {
    const v = judge({ metric: 'nodes.api.completed', op: '>=', value: { metric: 'clients.users.sent', times: 0.9 } });
    expect(v).toMatchObject({ status: 'pass', actual: 95, limit: 90 });
    expect(v.message).toBe('nodes.api.completed = 95, meets >= 90 (0.9 × clients.users.sent)');
  });

  it('compare with the reference run (the start on the same seed) times k', () => {
    const reference = report({ clients: { users: { latencyMs: { p99: 100 } } } });
    expect(judge({ metric: 'clients.users.latencyMs.p99', op: '<=', value: { reference: 'clients.users.latencyMs.p99', times: 1.5 } }, { reference }))
      .toMatchObject({ status: 'pass', actual: 120, limit: 150 });
    expect(judge({ metric: 'clients.users.latencyMs.p99', op: '<=', value: { reference: 'clients.users.latencyMs.p99' } }, { reference }))
      .toMatchObject({ status: 'fail', limit: 100 });
    expect(judge({ metric: 'clients.users.latencyMs.p99', op: '<=', value: { reference: 'clients.users.latencyMs.p99' } }))
      .toMatchObject({ status: 'fail', error: expect.stringMatching(/reference run/) });
  });

  it('a path the run does not have is a failure that names the path, never a silent pass', () => {
    const v = judge({ metric: 'clients.userz.latencyMs.p99', op: '>=', value: 0 });
    expect(v.status).toBe('fail');
    expect(v.actual).toBeNull();
    expect(v.error).toBe('"clients.userz.latencyMs.p99" does not exist: no "userz" under clients (there is users) in this run');
    expect(judge({ metric: 'clients.users.latencyMs', op: '>=', value: 0 }).error).toBe('"clients.users.latencyMs" is a group of figures, not a number (name one of its fields: mean, p50, p95, p99, max)');
    expect(judge({ metric: 'nodes.api.completed', op: '>=', value: { metric: 'nodes.q.lost', times: 1 } }).error).toMatch(/"nodes.q.lost" does not exist/);
  });
});

describe('series checks', () => {
  const series = (agg: string, window: object, op = '<=', value = 1000) => judge({ series: 'series.clients.users.latencyP99Ms', window, agg, op, value } as CheckInput);
  const w = { fromMs: 2000, toMs: 6000 }; // the points at 2, 3, 4 and 5 s: 30, 40, 50, 60

  it('aggregate the points whose time lies in [fromMs, toMs)', () => {
    expect(series('max', w).actual).toBe(60);
    expect(series('min', w).actual).toBe(30);
    expect(series('mean', w).actual).toBe(45);
    expect(series('last', w).actual).toBe(60);
    expect(series('sum', w).actual).toBe(180);
    expect(series('p95', w).actual).toBe(60);
    expect(series('p95', { fromMs: 0, toMs: 10_000 }).actual).toBe(100);
    expect(series('max', w).message).toBe('max of series.clients.users.latencyP99Ms over 2–6 s = 60, meets <= 1000');
  });

  it('say when the condition first broke', () => {
    const v = series('max', w, '<=', 45);
    expect(v).toMatchObject({ status: 'fail', actual: 60, limit: 45, brokeAtMs: 4000 });
    expect(v.message).toBe('max of series.clients.users.latencyP99Ms over 2–6 s = 60, needs <= 45; broke at 4 s');
    expect(series('sum', w, '<=', 100)).toMatchObject({ status: 'fail', brokeAtMs: 4000 }); // 30, 70, 120
    expect(series('min', w, '>=', 35)).toMatchObject({ status: 'fail', brokeAtMs: 2000 });
    expect(series('max', w, '<=', 60)).not.toHaveProperty('brokeAtMs');
  });

  it('take a fault\'s window from its events, widened by padMs', () => {
    expect(series('max', { fault: 'db-down' })).toMatchObject({ actual: 50 }); // 3 and 4 s
    const padded = series('min', { fault: 'db-down', padMs: 1000 });
    expect(padded.actual).toBe(30); // 2 to 6 s
    expect(padded.message).toContain('over 2–6 s (fault db-down ± 1 s)');
  });

  it('fall back to where the scenario schedules the fault when the run has not logged it', () => {
    expect(series('max', { fault: 'later' })).toMatchObject({ actual: 90 }); // 8 s only
  });

  it('refuse a fault the scenario does not have, and a window without points', () => {
    expect(series('max', { fault: 'nope' }).error).toBe('no fault with id "nope" in the scenario (there are db-down, later)');
    expect(series('max', { fromMs: 20_000, toMs: 30_000 }).error).toMatch(/the window has no series points/);
  });

  it('accept the path without "series." and refuse a figure that is not a series', () => {
    expect(judge({ series: 'clients.users.failuresPerS.timeout', window: w, agg: 'sum', op: '==', value: 3 }).status).toBe('pass');
    expect(judge({ series: 'clients.users', window: w, agg: 'sum', op: '==', value: 3 }).error).toMatch(/"series.clients.users" is not a per-second series/);
    expect(judge({ series: 'clients.users.latencyP98Ms', window: w, agg: 'max', op: '<', value: 3 }).error).toMatch(/no "latencyP98Ms"/);
  });

  it('are pending while a live run has not reached the end of the window, then decided', () => {
    const live = report({ simulatedMs: 4500, series: { ...report().series, tMs: [0, 1000, 2000, 3000, 4000], clients: { users: { latencyP99Ms: [10, 20, 30, 40, 50] } } } });
    const v = judge({ series: 'clients.users.latencyP99Ms', window: w, agg: 'max', op: '<=', value: 45 }, { report: live, final: false });
    expect(v).toMatchObject({ status: 'pending', actual: 50 });
    expect(judge({ series: 'clients.users.latencyP99Ms', window: { fromMs: 6000, toMs: 8000 }, agg: 'max', op: '<=', value: 45 }, { report: live, final: false }))
      .toMatchObject({ status: 'pending', actual: null });
    expect(judge({ series: 'clients.users.latencyP99Ms', window: { fromMs: 0, toMs: 3000 }, agg: 'max', op: '<=', value: 45 }, { report: live, final: false }).status).toBe('pass');
    expect(judge({ series: 'clients.users.latencyP99Ms', window: w, agg: 'max', op: '<=', value: 45 }, { report: live, final: false, nowMs: 9000 }).status).toBe('fail');
  });
});

describe('events checks', () => {
  it('count the log\'s entries by kind, node or edge, text and window', () => {
    expect(judge({ events: { kind: 'breaker' }, op: '==', value: 3 })).toMatchObject({ status: 'pass', actual: 3, limit: 3 });
    expect(judge({ events: { kind: 'breaker', edge: 'api->db', match: '-> OPEN' }, op: '>=', value: 1 })).toMatchObject({ status: 'pass', actual: 1 });
    expect(judge({ events: { kind: 'breaker', edge: 'api->other' }, op: '>=', value: 1 })).toMatchObject({ status: 'fail', actual: 0 });
    expect(judge({ events: { kind: 'fault-start', node: 'db' }, op: '==', value: 1 }).status).toBe('pass');
    const inFault = judge({ events: { kind: 'breaker' }, window: { fault: 'db-down', padMs: 1000 }, op: '==', value: 1 });
    expect(inFault).toMatchObject({ status: 'pass', actual: 1 });
    expect(inFault.message).toBe('1 breaker event in 2–6 s (fault db-down ± 1 s), meets == 1');
  });

  it('are pending while live until their window ends (the whole run when they have none)', () => {
    const live = { final: false, nowMs: 7000 };
    expect(judge({ events: { kind: 'breaker' }, op: '>=', value: 1 }, live)).toMatchObject({ status: 'pending', actual: 3 });
    expect(judge({ events: { kind: 'breaker' }, window: { fromMs: 0, toMs: 5000 }, op: '>=', value: 1 }, live).status).toBe('pass');
  });
});

describe('topology checks', () => {
  it('noSharedDatabase: no database called by two services', () => {
    const v = judge({ topology: 'noSharedDatabase' });
    expect(v).toMatchObject({ status: 'fail', actual: 1, limit: 0 });
    expect(v.message).toBe('database "db" is shared by "api", "orders"');
    const own = { ...scenario, edges: scenario.edges!.filter((e) => e.from !== 'orders') };
    expect(judge({ topology: 'noSharedDatabase' }, { scenario: own }).status).toBe('pass');
  });

  it('clientsOnlyCallGateways', () => {
    expect(judge({ topology: 'clientsOnlyCallGateways' }).status).toBe('pass');
    const direct = { ...scenario, edges: [...scenario.edges!, { from: 'users', to: 'api' }] };
    expect(judge({ topology: 'clientsOnlyCallGateways' }, { scenario: direct })).toMatchObject({ status: 'fail', message: 'clients call past the gateway: users->api' });
  });

  it('hasEdge by ids or kinds', () => {
    expect(judge({ topology: 'hasEdge', from: 'api', to: 'db' }).status).toBe('pass');
    expect(judge({ topology: 'hasEdge', fromKind: 'gateway', toKind: 'service' }).status).toBe('pass');
    expect(judge({ topology: 'hasEdge', fromKind: 'client', toKind: 'service' })).toMatchObject({ status: 'fail', message: 'no edge from a client to a service' });
    expect(judge({ topology: 'hasEdge', to: 'queue' }).status).toBe('fail');
  });

  it('hasNode with a minimum count', () => {
    expect(judge({ topology: 'hasNode', kind: 'service' })).toMatchObject({ status: 'pass', actual: 2, limit: 1 });
    expect(judge({ topology: 'hasNode', kind: 'service', min: 3 }).status).toBe('fail');
    expect(judge({ topology: 'hasNode', kind: 'queue' })).toMatchObject({ status: 'fail', actual: 0 });
  });

  it('edgeHas: the named call, or every call into the node, has the setting', () => {
    expect(judge({ topology: 'edgeHas', from: 'api', to: 'db', field: 'circuitBreaker' }).status).toBe('pass');
    expect(judge({ topology: 'edgeHas', to: 'db', field: 'circuitBreaker' })).toMatchObject({ status: 'fail', actual: 1, limit: 2, message: 'no circuitBreaker on orders->db' });
    expect(judge({ topology: 'edgeHas', from: 'gw', to: 'api', field: 'timeoutMs' }).status).toBe('fail');
    expect(judge({ topology: 'edgeHas', to: 'nowhere', field: 'retry' })).toMatchObject({ status: 'fail', message: 'no edge into "nowhere"' });
  });

  it('tracingOn: the scenario samples traces', () => {
    expect(judge({ topology: 'tracingOn' }, { scenario: { ...scenario, tracing: undefined } })).toMatchObject({ status: 'fail', message: 'tracing is off' });
    expect(judge({ topology: 'tracingOn' }, { scenario: { ...scenario, tracing: { sampleRate: 0.05 } } })).toMatchObject({ status: 'pass', actual: 0.05, message: 'tracing samples 5 % of requests' });
  });
});

describe('all, any and not', () => {
  const yes = { metric: 'clients.users.latencyMs.p99', op: '<=', value: 300 } as const;
  const no = { metric: 'clients.users.errorRate', op: '<', value: 0.01 } as const;
  const missing = { metric: 'nodes.q.lost', op: '==', value: 0 } as const;

  it('combine', () => {
    expect(judge({ all: [yes, yes] }).status).toBe('pass');
    expect(judge({ all: [yes, no] })).toMatchObject({ status: 'fail', actual: 0.1, limit: 0.01 });
    expect(judge({ any: [no, yes] })).toMatchObject({ status: 'pass', actual: 120 });
    expect(judge({ any: [no, no] }).status).toBe('fail');
    expect(judge({ not: no })).toMatchObject({ status: 'pass', op: 'not <' });
    expect(judge({ not: yes }).status).toBe('fail');
    expect(judge({ all: [yes, { not: { any: [no, { topology: 'hasNode', kind: 'queue' }] } }] }).status).toBe('pass');
  });

  it('never turn a missing path into a pass', () => {
    expect(judge({ not: missing })).toMatchObject({ status: 'fail', error: expect.stringMatching(/nodes.q.lost/) });
    expect(judge({ all: [yes, missing] }).status).toBe('fail');
    expect(judge({ any: [missing, yes] }).status).toBe('pass');
  });

  it('are pending while a part is pending and none has failed', () => {
    const live = { final: false, nowMs: 7000 };
    expect(judge({ all: [yes, { events: { kind: 'breaker' }, op: '>=', value: 1 }] }, live).status).toBe('pending');
    expect(judge({ all: [no, { events: { kind: 'breaker' }, op: '>=', value: 1 }] }, live).status).toBe('fail');
    expect(judge({ any: [yes, { events: { kind: 'breaker' }, op: '>=', value: 1 }] }, live).status).toBe('pass');
  });
});
