import { edgeKey } from '../engine/calls/edgeSchema';
import { kindOf } from '../engine/kinds';
import type { Scenario } from '../engine/model';
import { faultTargetProblem } from './faultTarget';
import type { ScenarioProblem } from './problems';

const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;

/**
 * The presenter's script against the drawing: every node a beat names exists (a spike or a
 * rate change names a client), a fault's target is one a live fault could hit, and timed
 * beats come in the order of their times (the script plays in order).
 */
export function checkPresentation(s: Scenario): ScenarioProblem[] {
  const beats = s.presentation?.beats ?? [];
  if (beats.length === 0) return [];
  const problems: ScenarioProblem[] = [];
  const nodes = new Map(s.nodes.map((n) => [n.id, n]));
  const edges = new Set(s.edges.map((e) => edgeKey(e.from, e.to)));
  let last: { at: number; index: number } | null = null;
  beats.forEach((b, i) => {
    const at = `presentation.beats[${i}]`;
    if (b.focus !== undefined && !nodes.has(b.focus)) problems.push({ path: `${at}.focus`, message: `unknown node "${b.focus}"` });
    if (b.atMs !== undefined) {
      if (last && b.atMs < last.at) problems.push({ path: `${at}.atMs`, message: `${clock(b.atMs)} comes before beats[${last.index}] (${clock(last.at)}): timed beats play in order` });
      last = { at: b.atMs, index: i };
    }
    const a = b.action;
    const client = a?.spike?.node ?? a?.setRps?.node;
    if (client !== undefined) {
      const path = `${at}.action.${a?.spike ? 'spike' : 'setRps'}.node`;
      const node = nodes.get(client);
      if (!node) problems.push({ path, message: `unknown node "${client}"` });
      else if (!kindOf(node.kind)?.capabilities.source) problems.push({ path, message: `"${client}" is a ${node.kind}: only a client's load can change` });
    }
    const f = a?.fault;
    if (f) {
      const problem = faultTargetProblem(f.kind, f.target, nodes, edges);
      if (problem) problems.push({ path: `${at}.action.fault.target`, message: problem });
    }
  });
  return problems;
}
