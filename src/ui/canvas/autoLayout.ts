/**
 * Places nodes left to right by call depth with elkjs's layered algorithm, for scenarios
 * that arrive without positions (imports, presets) and for the Tidy button.
 */
import type { ELK } from 'elkjs/lib/elk-api';
import type { Scenario } from '../../store/types';

const NODE_W = 210;
const NODE_H = 120;
let elk: ELK | null = null;

export async function layoutPositions(s: Scenario): Promise<Record<string, { x: number; y: number }>> {
  // elkjs is large; it is fetched the first time something needs laying out.
  elk ??= new (await import('elkjs/lib/elk.bundled.js')).default();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '50',
    },
    children: s.nodes.map((n) => ({ id: n.id, width: NODE_W, height: NODE_H })),
    edges: s.edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  });
  const out: Record<string, { x: number; y: number }> = {};
  for (const c of graph.children ?? []) out[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
  return out;
}

export const needsLayout = (s: Scenario) => s.nodes.some((n) => !n.position);

/** The scenario with every node placed (unchanged when all already have positions). */
export async function withLayout(s: Scenario): Promise<Scenario> {
  if (!needsLayout(s)) return s;
  const pos = await layoutPositions(s);
  return { ...s, nodes: s.nodes.map((n) => ({ ...n, position: n.position ?? pos[n.id] })) };
}
