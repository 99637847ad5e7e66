import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse';
import { storyOf } from '../../src/scenario/story';
import { loadScenario, runToEnd, type Data } from './helpers';

/**
 * The topology lessons in scenarios/ are drawn by the playground: each has a short description
 * for students (what to watch, what to try), a label and a position for every node, and is
 * laid out left to right a column (250 px) per hop. Each runs to its end.
 */
const LESSONS = ['monolith', 'microservices', 'strangler-fig', 'shared-database', 'ecommerce'];

describe.each(LESSONS)('scenarios/%s.json', (name) => {
  it('is a lesson: 2 to 4 sentences, labels, positions, edges pointing a column to the right', () => {
    const s = loadScenario(name);
    // The story before the numbered steps is short; the steps say what to do in the page.
    const sentences = storyOf(s.description as string).text.join(' ').split(/(?<=[.!?:])\s+(?=[A-Z])/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    expect(s.description).toMatch(/watch/i);
    // What to try is in the numbered steps.
    expect(storyOf(s.description as string).steps.length).toBeGreaterThanOrEqual(2);
    const pos = new Map((s.nodes as Data[]).map((n) => [n.id, n.position]));
    for (const n of s.nodes as Data[]) {
      expect(n.label, n.id).toBeTypeOf('string');
      expect(n.position, n.id).toBeDefined();
    }
    for (const e of s.edges as Data[]) {
      const dx = pos.get(e.to).x - pos.get(e.from).x;
      // The e-commerce shop's order -> payment call stays within the services' column.
      if (name === 'ecommerce' && e.from === 'order' && e.to === 'payment') expect(dx).toBe(0);
      else expect(dx, `${e.from}->${e.to}`).toBe(250);
    }
  });

  it('parses and runs to its end', () => {
    const s = loadScenario(name);
    const parsed = parseScenario(s);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    // Only the shared database is meant to be warned about.
    expect(parsed.warnings.length).toBe(name === 'shared-database' ? 1 : 0);
    const r = runToEnd(s);
    expect(r.simulatedMs).toBe(parsed.scenario.durationMs);
  });
});
