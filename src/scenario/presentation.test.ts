import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases below build deliberately broken JSON */

function withBeats(beats: unknown, extra: Record<string, unknown> = {}): any {
  return {
    version: 1,
    name: 'shop',
    nodes: [
      { id: 'users', kind: 'client', load: { rps: 10 } },
      { id: 'api', kind: 'service' },
      { id: 'payment', kind: 'service' },
    ],
    edges: [{ from: 'users', to: 'api' }, { from: 'api', to: 'payment' }],
    presentation: { beats, ...extra },
  };
}

const problems = (data: unknown) => {
  const r = parseScenario(data);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('the presentation script in a scenario', () => {
  it('accepts a script of timed and untimed beats with actions, and fills in the spike defaults', () => {
    const r = parseScenario(withBeats([
      { atMs: 30_000, caption: 'Spike the load x5', focus: 'api', action: { spike: { node: 'users' } } },
      { atMs: 60_000, caption: 'Kill payment', notes: 'Ask: what do users see?', action: { fault: { kind: 'kill-service', target: 'payment' } } },
      { caption: 'Heal', action: { heal: true } },
    ], { panels: ['clients', 'node'] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.presentation?.beats[0].action?.spike).toEqual({ node: 'users', multiplier: 5, durationMs: 30_000 });
    expect(r.scenario.presentation?.panels).toEqual(['clients', 'node']);
  });

  it('leaves a scenario without a script as it was', () => {
    const r = parseScenario({ ...withBeats([]), presentation: undefined });
    expect(r.ok && r.scenario.presentation).toBeUndefined();
  });

  it.each([
    [[{ atMs: 1000 }], 'presentation.beats[0].caption: caption must be a string'],
    [[{ caption: 'x', atMs: -1 }], 'presentation.beats[0].atMs: atMs must be >= 0'],
    [[{ caption: 'x', focus: 'paymnt' }], 'presentation.beats[0].focus: unknown node "paymnt"'],
    [[{ caption: 'x', action: {} }], 'presentation.beats[0].action: action must be exactly one of fault, spike, setRps or heal'],
    [[{ caption: 'x', action: { heal: true, spike: { node: 'users' } } }], 'presentation.beats[0].action: action must be exactly one of fault, spike, setRps or heal'],
    [[{ caption: 'x', action: { spike: { node: 'api' } } }], 'presentation.beats[0].action.spike.node: "api" is a service: only a client\'s load can change'],
    [[{ caption: 'x', action: { fault: { kind: 'kill-service', target: 'pay' } } }], 'presentation.beats[0].action.fault.target: unknown node "pay"'],
    [[{ caption: 'a', atMs: 60_000 }, { caption: 'b', atMs: 30_000 }], 'presentation.beats[1].atMs: 0:30 comes before beats[0] (1:00): timed beats play in order'],
  ])('names the field of a malformed beat (%j)', (beats, message) => {
    expect(problems(withBeats(beats))).toContain(message);
  });

  it('names an unknown chart panel', () => {
    expect(problems(withBeats([], { panels: ['latency'] }))[0]).toMatch(/^presentation\.panels\[0\]: panels must be among clients, errors/);
  });
});

describe('the engine and the script', () => {
  it('gives the same report with or without a script: beats act only through the page', async () => {
    const { createSimulation } = await import('../engine/simulation');
    const run = (data: unknown) => {
      const r = parseScenario(data);
      if (!r.ok) throw new Error('invalid');
      const sim = createSimulation(r.scenario, { seed: 7 });
      sim.runUntil(5_000);
      return JSON.stringify(sim.report());
    };
    const scripted = withBeats([{ atMs: 1000, caption: 'Kill payment', action: { fault: { kind: 'kill-service', target: 'payment' } } }]);
    expect(run(scripted)).toBe(run({ ...scripted, presentation: undefined }));
  });
});
