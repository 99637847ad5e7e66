import { describe, expect, it } from 'vitest';
import { describeMissing, lookupReport, lookupScenario, scenarioPointer } from './paths';

const report = {
  clients: { users: { latencyMs: { p99: 120 } }, 'eu.users': { latencyMs: { p99: 80 } } },
  nodes: { api: { utilization: 0.5 }, 'api.v2': { utilization: 0.25 }, 'api.v2.canary': { utilization: 0.1 } },
  edges: { 'api->db': { calls: 10 }, 'api.v2->db': { calls: 4 } },
  series: { tMs: [0, 1000], clients: { users: { failuresPerS: { timeout: [0, 2] } } } },
};

const scenario = {
  version: 1, name: 's',
  nodes: [{ id: 'users', kind: 'client', load: { rps: 10 } }, { id: 'api', kind: 'service', serviceTimeMs: 5 }, { id: 'api.v2', kind: 'service', instances: 2 }],
  edges: [{ from: 'users', to: 'api' }, { from: 'api', to: 'api.v2', timeoutMs: 100 }],
  faults: [{ id: 'down', kind: 'kill-service', target: 'api' }, { kind: 'slowdown', target: 'api' }],
};

describe('report paths', () => {
  it('walk plain fields', () => {
    expect(lookupReport(report, 'clients.users.latencyMs.p99')).toMatchObject({ ok: true, value: 120 });
    expect(lookupReport(report, 'series.clients.users.failuresPerS.timeout')).toMatchObject({ ok: true, value: [0, 2] });
    expect(lookupReport(report, 'series.tMs.1')).toMatchObject({ ok: true, value: 1000 });
  });

  it('take the longest run of segments that names a key, so ids may contain dots', () => {
    expect(lookupReport(report, 'clients.eu.users.latencyMs.p99')).toMatchObject({ ok: true, value: 80 });
    expect(lookupReport(report, 'nodes.api.utilization')).toMatchObject({ ok: true, value: 0.5 });
    expect(lookupReport(report, 'nodes.api.v2.utilization')).toMatchObject({ ok: true, value: 0.25 });
    expect(lookupReport(report, 'nodes.api.v2.canary.utilization')).toMatchObject({ ok: true, value: 0.1 });
    expect(lookupReport(report, 'edges.api.v2->db.calls')).toMatchObject({ ok: true, value: 4 });
    expect(lookupReport(report, 'edges.api->db.calls')).toMatchObject({ ok: true, value: 10 });
  });

  it('say where a path stops and what was there instead', () => {
    const r = lookupReport(report, 'clients.userz.latencyMs.p99');
    expect(r).toEqual({ ok: false, at: 'clients', missing: 'userz', choices: ['users', 'eu.users'] });
    if (!r.ok) expect(describeMissing('clients.userz.latencyMs.p99', r)).toBe('"clients.userz.latencyMs.p99" does not exist: no "userz" under clients (there are users, eu.users)');
    expect(lookupReport(report, 'clients.users.latencyMs.p98')).toMatchObject({ ok: false, at: 'clients.users.latencyMs', missing: 'p98' });
    expect(lookupReport(report, 'series.tMs.2')).toMatchObject({ ok: false, missing: '2' });
  });
});

describe('scenario paths', () => {
  it('name nodes by id, edges by "from->to" and faults by id, and give the JSON pointer', () => {
    expect(lookupScenario(scenario, 'nodes.api.serviceTimeMs')).toMatchObject({ ok: true, value: 5, tokens: ['nodes', 1, 'serviceTimeMs'] });
    expect(lookupScenario(scenario, 'nodes.api.v2.instances')).toMatchObject({ ok: true, value: 2, tokens: ['nodes', 2, 'instances'] });
    expect(lookupScenario(scenario, 'edges.api->api.v2.timeoutMs')).toMatchObject({ ok: true, value: 100, tokens: ['edges', 1, 'timeoutMs'] });
    expect(lookupScenario(scenario, 'faults.down.target')).toMatchObject({ ok: true, value: 'api' });
    expect(lookupScenario(scenario, 'faults.1.kind')).toMatchObject({ ok: true, value: 'slowdown' });
    expect(lookupScenario(scenario, 'nodes.users.load.rps')).toMatchObject({ ok: true, value: 10 });
    expect(scenarioPointer(scenario, 'edges.users->api.retry')).toBe('/edges/0/retry');
  });

  it('resolve a field the file leaves out (its default applies) only when asked to, and never a missing node', () => {
    expect(lookupScenario(scenario, 'nodes.api.instances')).toMatchObject({ ok: false, missing: 'instances' });
    expect(lookupScenario(scenario, 'nodes.api.instances', true)).toEqual({ ok: true, value: undefined, tokens: ['nodes', 1, 'instances'] });
    expect(lookupScenario(scenario, 'nodes.payments.instances', true)).toMatchObject({ ok: false, at: 'nodes', missing: 'payments', choices: ['users', 'api', 'api.v2'] });
    expect(lookupScenario(scenario, 'nodes.api.retry.maxAttempts', true)).toMatchObject({ ok: false });
    expect(scenarioPointer(scenario, 'edges.a->b.timeoutMs')).toBeNull();
  });
});
