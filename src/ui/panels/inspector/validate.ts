/**
 * Checks an edited node, edge or scenario header exactly as an import would (zod schema plus
 * cross-checks), and returns either the parsed value to commit or the problems by field path.
 */
import { parseScenario } from '../../../scenario/parse';
import { pathUnder } from '../../../scenario/problems';
import type { Scenario } from '../../../store/types';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

function check<T>(candidate: Scenario, prefix: string, pick: (s: Scenario) => T): Checked<T> {
  const r = parseScenario(candidate);
  if (r.ok) return { ok: true, value: pick(r.scenario) };
  const errors: Record<string, string> = {};
  for (const p of r.problems) {
    // A problem the edit causes outside the element is still reported, under its full path.
    errors[pathUnder(p.path, prefix) ?? `(${p.path})`] ??= p.message;
  }
  return { ok: false, errors };
}

export function checkNode(s: Scenario, index: number, node: unknown): Checked<Scenario['nodes'][number]> {
  const nodes = [...s.nodes];
  nodes[index] = node as Scenario['nodes'][number];
  return check({ ...s, nodes }, `nodes[${index}]`, (x) => x.nodes[index]);
}

export function checkEdge(s: Scenario, index: number, edge: unknown): Checked<Scenario['edges'][number]> {
  const edges = [...s.edges];
  edges[index] = edge as Scenario['edges'][number];
  return check({ ...s, edges }, `edges[${index}]`, (x) => x.edges[index]);
}

export function checkHeader(s: Scenario, header: Partial<Scenario>): Checked<Scenario> {
  return check({ ...s, ...header }, '', (x) => x);
}
