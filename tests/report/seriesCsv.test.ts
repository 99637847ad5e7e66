import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import { seriesCsv } from '../../src/report/seriesCsv';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

const scenario = parseScenarioOrThrow({
  version: 1, name: 'csv', seed: 3, durationMs: 5000,
  nodes: [{ id: 'users', kind: 'client', load: { rps: 50 } }, { id: 'api', kind: 'service', instances: 2, concurrency: 2, serviceTimeMs: 10 }],
  edges: [{ from: 'users', to: 'api', timeoutMs: 500 }],
});

describe('the per-second series as CSV', () => {
  it('has one row per point and one column per channel, named like the report, with the report\'s numbers', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(5000);
    const { series } = sim.report();
    const lines = seriesCsv(series).trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header[0]).toBe('t_ms');
    expect(header).toContain('clients.users.throughput');
    expect(header).toContain('nodes.api.utilization');
    expect(header.some((h) => h.startsWith('clients.users.failuresPerS.') || h.startsWith('edges.users->api.'))).toBe(true);
    expect(lines).toHaveLength(series.tMs.length + 1);
    const col = header.indexOf('clients.users.throughput');
    expect(lines.slice(1).map((l) => Number(l.split(',')[col]))).toEqual(series.clients.users.throughput);
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(series.tMs);
  });

  it('quotes a name that holds a comma', () => {
    const csv = seriesCsv({ tMs: [1000], clients: {}, nodes: { 'a,b': { utilization: [0.5] } as never }, edges: {} });
    expect(csv).toBe('t_ms,"nodes.a,b.utilization"\n1000,0.5\n');
  });
});
