import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../engine/metrics/report';
import { createSimulation } from '../engine/simulation';
import { parseScenarioText } from '../scenario/parse';
import { diffRows, fmtEstimate, fmtSigned, measuresOf, recoveryS } from './index';

function run(file: string, edit: (s: Record<string, unknown>) => void = () => {}, seed?: number): Report {
  const raw = JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')) as Record<string, unknown>;
  edit(raw);
  const parsed = parseScenarioText(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(parsed.problems[0].message);
  const sim = createSimulation(parsed.scenario, { seed });
  sim.runUntil(parsed.scenario.durationMs);
  return sim.report();
}

const noFallback = (s: Record<string, unknown>) => {
  for (const e of s.edges as { fallback?: unknown }[]) delete e.fallback;
};

describe('measuresOf', () => {
  it('reads per client p50, p95, p99, error rate and throughput, then cost, losses and recovery', () => {
    const r = run('fallback.json');
    const m = measuresOf(r);
    expect(m.map((x) => x.key)).toEqual([
      'client:shoppers:p50', 'client:shoppers:p95', 'client:shoppers:p99', 'client:shoppers:errorRate', 'client:shoppers:throughput',
      'cost', 'sessionsLost', 'messagesLost', 'recoveryS',
    ]);
    expect(m.find((x) => x.key === 'client:shoppers:p99')!.value).toBe(r.clients.shoppers.latencyMs.p99);
    expect(m.find((x) => x.key === 'cost')!.value).toBe(r.cost.total);
  });
});

describe('recoveryS', () => {
  it('is longer without a fallback: the shoppers see the errors until the fault ends at 0:40', () => {
    const without = recoveryS(run('fallback.json', noFallback))!;
    const withFallback = recoveryS(run('fallback.json'));
    // The fault starts at 0:10 and lasts 30 s.
    expect(without).toBeGreaterThanOrEqual(29);
    expect(without).toBeLessThan(35);
    expect(withFallback).not.toBeNull();
    expect(withFallback!).toBeLessThan(without);
  });

  it('is null with no fault in the run', () => {
    expect(recoveryS(run('fallback.json', (s) => delete s.faults))).toBeNull();
  });
});

describe('diffRows', () => {
  it('finds no difference between a scenario and itself on the same seeds', () => {
    const seeds = [1, 2, 3];
    const a = seeds.map((s) => measuresOf(run('fallback.json', undefined, s)));
    const b = seeds.map((s) => measuresOf(run('fallback.json', undefined, s)));
    for (const row of diffRows(a, b)) {
      if (!row.diff) continue;
      expect(row.diff.mean).toBe(0);
      expect(row.noise).toBe(true);
      expect(row.verdict).toBe('same');
    }
  });

  it('shows the fallback clearly better on error rate over seeds, with an interval that leaves out 0', () => {
    const seeds = [1, 2, 3, 4];
    const a = seeds.map((s) => measuresOf(run('fallback.json', noFallback, s)));
    const b = seeds.map((s) => measuresOf(run('fallback.json', undefined, s)));
    const err = diffRows(a, b).find((r) => r.key === 'client:shoppers:errorRate')!;
    expect(err.diff!.mean).toBeLessThan(0);
    expect(err.noise).toBe(false);
    expect(err.verdict).toBe('better');
    expect(fmtEstimate(err.diff, err.unit, true)).toMatch(/^-\d+\.\d+ % \[-/);
  });
});

describe('format', () => {
  it('signs differences with their unit', () => {
    expect(fmtSigned(120, 'ms')).toBe('+120 ms');
    expect(fmtSigned(-0.04, 'ratio')).toBe('-4.00 %');
    expect(fmtSigned(0, 'ms')).toBe('0.00 ms');
  });
});
