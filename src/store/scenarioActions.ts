/**
 * Edits to the scenario. Each is one immer update, so each is one undo step; none builds
 * React Flow objects, which the canvas derives from the scenario.
 */
import { edgeKey } from '../engine/calls/edgeSchema';
import { kindOf } from '../engine/kinds';
import { findCallCycle } from '../scenario/crossChecks';
import { useStore } from './index';
import type { Scenario } from './types';

type Node = Scenario['nodes'][number];
type Edge = Scenario['edges'][number];

export function replaceScenario(s: Scenario): void {
  useStore.setState((st) => {
    st.scenario = s;
    st.selection = null;
    st.ui.fitRequest += 1;
  });
}

function freshId(s: Scenario, kind: string): string {
  const ids = new Set(s.nodes.map((n) => n.id));
  for (let i = 1; ; i++) if (!ids.has(`${kind}-${i}`)) return `${kind}-${i}`;
}

/** Adds a node of the kind, with the kind's example settings; returns its id. */
export function addNode(kind: string, position: { x: number; y: number }): string | null {
  const def = kindOf(kind);
  if (!def) return null;
  const id = freshId(useStore.getState().scenario, kind);
  const parsed = def.schema.safeParse({ ...(def.example(id) as object), position: { x: Math.round(position.x), y: Math.round(position.y) } });
  if (!parsed.success) return null;
  useStore.setState((st) => {
    st.scenario.nodes.push(parsed.data as Node);
    st.selection = { type: 'node', id };
  });
  return id;
}

/** Removes nodes (with their edges and the gateway routes to them) and edges; the last node may go too. */
export function removeElements(nodeIds: readonly string[], edgeKeys: readonly string[]): void {
  const gone = new Set(nodeIds);
  const cut = new Set(edgeKeys);
  useStore.setState((st) => {
    const sc = st.scenario;
    sc.nodes = sc.nodes.filter((n) => !gone.has(n.id));
    sc.edges = sc.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to) && !cut.has(edgeKey(e.from, e.to)));
    for (const n of sc.nodes) {
      if (!('routes' in n) || !n.routes) continue;
      const kept = n.routes.filter((r) => sc.edges.some((e) => e.from === n.id && e.to === r.to));
      if (kept.length !== n.routes.length) n.routes = kept;
    }
    const sel = st.selection;
    if (sel && ((sel.type === 'node' && gone.has(sel.id)) || (sel.type === 'nodes' && sel.ids.some((id) => gone.has(id))) || (sel.type === 'edge' && !sc.edges.some((e) => edgeKey(e.from, e.to) === sel.id)))) st.selection = null;
  });
}

/** Why from → to may not be connected, or null when it may. */
export function connectProblem(s: Scenario, from: string, to: string): string | null {
  if (from === to) return 'a node cannot call itself';
  const a = s.nodes.find((n) => n.id === from), b = s.nodes.find((n) => n.id === to);
  if (!a || !b) return 'unknown node';
  if (!kindOf(a.kind)?.canCall) return `a ${a.kind} makes no calls`;
  if (!kindOf(b.kind)?.canBeCalled) return `a ${b.kind} cannot be called`;
  if (s.edges.some((e) => e.from === from && e.to === to)) return `${from} already calls ${to}`;
  const cycle = findCallCycle({ ...s, edges: [...s.edges, { from, to } as Edge] });
  if (cycle) return `that would make a call cycle (${cycle.join(' → ')})`;
  return null;
}

export function connect(from: string, to: string): string | null {
  const problem = connectProblem(useStore.getState().scenario, from, to);
  if (problem) return problem;
  useStore.setState((st) => {
    st.scenario.edges.push({ from, to, latencyMs: 1, probability: 1 } as Edge);
    st.selection = { type: 'edge', id: edgeKey(from, to) };
  });
  return null;
}

export function moveNodes(positions: Record<string, { x: number; y: number }>): void {
  useStore.setState((st) => {
    for (const n of st.scenario.nodes) {
      const p = positions[n.id];
      if (p) n.position = { x: Math.round(p.x), y: Math.round(p.y) };
    }
  });
}

export function updateNode(id: string, node: Node): void {
  useStore.setState((st) => {
    const i = st.scenario.nodes.findIndex((n) => n.id === id);
    if (i >= 0) st.scenario.nodes[i] = node;
  });
}

export function updateEdge(key: string, edge: Edge): void {
  useStore.setState((st) => {
    const i = st.scenario.edges.findIndex((e) => edgeKey(e.from, e.to) === key);
    if (i >= 0) st.scenario.edges[i] = edge;
  });
}

export function updateScenarioFields(fields: Partial<Pick<Scenario, 'name' | 'description' | 'seed' | 'durationMs' | 'warmupMs' | 'tracing'>>): void {
  useStore.setState((st) => {
    Object.assign(st.scenario, fields);
  });
}

/** Sets a client's open-loop rate (the load slider). */
export function setClientRps(id: string, rps: number): void {
  useStore.setState((st) => {
    const n = st.scenario.nodes.find((x) => x.id === id);
    if (n && 'load' in n && 'rps' in n.load) n.load.rps = rps;
  });
}
