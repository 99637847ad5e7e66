import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import { parseScenario, parseScenarioOrThrow } from '../../src/scenario/parse';
import { storyOf } from '../../src/scenario/story';
import { balance, sagaScenario, type SagaReport } from './sagaScenarios';

describe('scenario checks for sagas', () => {
  const base = sagaScenario() as { nodes: Record<string, unknown>[]; edges: { from: string; to: string }[] };

  it('every step call and compensation needs an edge from the saga', () => {
    const r = parseScenario({ ...base, edges: base.edges.filter((e) => e.to !== 'c2' && e.to !== 's3') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContainEqual({ path: 'nodes[1].steps[1].compensate', message: 'no edge saga->c2: connect "saga" to "c2"' });
    expect(r.problems).toContainEqual({ path: 'nodes[1].steps[2].call', message: 'no edge saga->s3: connect "saga" to "s3"' });
  });

  it('names unknown nodes', () => {
    const nodes = base.nodes.map((n) => (n.id === 'saga' ? { ...n, steps: [{ call: 'nowhere', compensate: 'c1' }] } : n));
    const r = parseScenario({ ...base, nodes });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual({ path: 'nodes[1].steps[0].call', message: 'unknown node "nowhere"' });
  });

  it('checks the pivot and warns about compensations that never run and unused edges', () => {
    const withPivot = (pivot: number) => base.nodes.map((n) => (n.id === 'saga' ? { ...n, pivot } : n));
    const bad = parseScenario({ ...base, nodes: withPivot(3) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].path).toBe('nodes[1].pivot');
    const ok = parseScenario({ ...base, nodes: [...withPivot(1), { id: 'spare', kind: 'service' }], edges: [...base.edges, { from: 'saga', to: 'spare' }] });
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.warnings).toContain('saga "saga": the compensate of step 1, 2 never runs (steps from the pivot on are not compensated)');
      expect(ok.warnings).toContain('saga "saga" never calls "spare": no step names it');
    }
  });
});

describe('scenarios/saga-compensation.json', () => {
  const text = readFileSync(new URL('../../scenarios/saga-compensation.json', import.meta.url), 'utf8');
  const parsed = parseScenario(JSON.parse(text));

  it('is valid, without warnings, and laid out left to right', () => {
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings).toEqual([]);
    for (const n of parsed.scenario.nodes) {
      expect(n.label, n.id).toBeTruthy();
      expect(n.position, n.id).toBeDefined();
    }
    const sentences = storyOf(parsed.scenario.description).text.join(' ').split(/(?<=\.)\s+/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
  });

  it('shows completed, compensated and (during the refund outage) stuck orders', () => {
    const sim = createSimulation(parseScenarioOrThrow(text));
    sim.runUntil(sim.durationMs);
    const r = sim.report();
    const saga = r.nodes['order-saga'] as unknown as SagaReport;
    expect(saga.completed / saga.started).toBeGreaterThan(0.8);
    expect(saga.compensated).toBeGreaterThan(200);
    expect(saga.stuck).toBeGreaterThan(5);
    expect(saga.stuckAt).toEqual({ 'refund-payment': saga.stuck });
    expect(balance(saga)).toBe(0);
    const stuckLog = r.events.filter((e) => e.kind === 'saga-stuck');
    expect(stuckLog.length).toBeGreaterThan(0);
    // Stuck sagas happen only while refunds are down (40 s to 60 s, plus the last tries).
    expect(stuckLog.every((e) => e.atMs >= 40_000 && e.atMs < 62_000)).toBe(true);
    expect(r.traces?.some((t) => t.spans.some((s) => s.node === 'refund-payment'))).toBe(true);
  });
});
