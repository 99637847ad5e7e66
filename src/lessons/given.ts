import { clone } from './clone';
import type { ScenarioInput } from '../engine/model';
import { lookupScenario } from './paths';
import type { Lesson } from './types';

type Data = Record<string, unknown>;
type NodeData = Data & { id: string; kind: string };
type EdgeData = Data & { from: string; to: string };

/** The scenario fields that always belong to the lesson, besides each client's load. */
const TOP_LEVEL = ['durationMs', 'seed', 'faults'] as const;

/** The dot paths a lesson owns beyond the defaults: its `given` and its locked fields. */
export function givenPaths(lesson: Lesson): string[] {
  return [...lesson.given, ...(lesson.locks?.fields ?? []).map((f) => f.path)];
}

/**
 * The student's scenario with the lesson's own parts put back: every client's load, the
 * faults, durationMs and seed, and each `given` or locked path. A client the student deleted
 * comes back with its calls to nodes that still exist; a given field of a node or edge the
 * student deleted has nowhere to go and is skipped (the goals judge the missing part). A
 * given field the lesson leaves out is removed, so its default applies to both. Never
 * changes its inputs.
 */
export function applyGiven(lesson: Lesson, studentScenario: ScenarioInput): ScenarioInput {
  const src = lesson.scenario as unknown as Data;
  const out = clone(studentScenario) as unknown as Data;
  for (const key of TOP_LEVEL) {
    if (src[key] === undefined) delete out[key];
    else out[key] = clone(src[key]);
  }
  const nodes = (Array.isArray(out.nodes) ? out.nodes : (out.nodes = [])) as NodeData[];
  const edges = (Array.isArray(out.edges) ? out.edges : (out.edges = [])) as EdgeData[];
  for (const client of (src.nodes as NodeData[]).filter((n) => n.kind === 'client')) {
    const k = nodes.findIndex((n) => n.id === client.id);
    if (k >= 0 && nodes[k].kind === 'client') {
      nodes[k].load = clone(client.load);
      continue;
    }
    if (k >= 0) nodes[k] = clone(client);
    else nodes.push(clone(client));
    for (const e of ((src.edges ?? []) as EdgeData[]).filter((e) => e.from === client.id)) {
      if (nodes.some((n) => n.id === e.to) && !edges.some((x) => x.from === e.from && x.to === e.to)) edges.push(clone(e));
    }
  }
  for (const path of givenPaths(lesson)) putBack(src, out, path);
  return out as unknown as ScenarioInput;
}

/** Copies one dot path's value from the lesson's scenario into the student's (or removes it there). */
function putBack(src: Data, out: Data, path: string): void {
  const from = lookupScenario(src, path, true);
  if (!from.ok) return; // loadLesson refuses such paths; nothing to put back
  const names = namesOf(src, from.tokens);
  const to = lookupScenario(out, names.join('.'), true);
  if (!to.ok) return;
  const parent = to.tokens.slice(0, -1).reduce<unknown>((x, t) => (x as Data)[t], out) as Data;
  const last = to.tokens[to.tokens.length - 1];
  if (from.value === undefined) {
    if (Array.isArray(parent)) return;
    delete parent[last];
  } else parent[last] = clone(from.value);
}

/** The tokens of a lookup as names (ids for nodes, edges and faults), to find the same place in another scenario. */
function namesOf(root: Data, tokens: readonly (string | number)[]): string[] {
  const names: string[] = [];
  let cur: unknown = root;
  tokens.forEach((t, k) => {
    const next = (cur as Data)[t] as Data;
    if (k === 1 && typeof t === 'number' && (tokens[0] === 'nodes' || tokens[0] === 'edges' || tokens[0] === 'faults')) {
      names.push(tokens[0] === 'nodes' ? String(next.id) : tokens[0] === 'edges' ? `${String(next.from)}->${String(next.to)}` : typeof next.id === 'string' ? next.id : String(t));
    } else names.push(String(t));
    cur = next;
  });
  return names;
}
