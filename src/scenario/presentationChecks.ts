import { edgeKey } from '../engine/calls/edgeSchema';
import type { Scenario } from '../engine/model';
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
  const kinds = new Map(s.nodes.map((n) => [n.id, n.kind]));
  const edges = new Set(s.edges.map((e) => edgeKey(e.from, e.to)));
  let last: { at: number; index: number } | null = null;
  beats.forEach((b, i) => {
    const at = `presentation.beats[${i}]`;
    if (b.focus !== undefined && !kinds.has(b.focus)) problems.push({ path: `${at}.focus`, message: `unknown node "${b.focus}"` });
    if (b.atMs !== undefined) {
      if (last && b.atMs < last.at) problems.push({ path: `${at}.atMs`, message: `${clock(b.atMs)} comes before beats[${last.index}] (${clock(last.at)}): timed beats play in order` });
      last = { at: b.atMs, index: i };
    }
    const a = b.action;
    const client = a?.spike?.node ?? a?.setRps?.node;
    if (client !== undefined) {
      const path = `${at}.action.${a?.spike ? 'spike' : 'setRps'}.node`;
      if (!kinds.has(client)) problems.push({ path, message: `unknown node "${client}"` });
      else if (kinds.get(client) !== 'client') problems.push({ path, message: `"${client}" is a ${kinds.get(client)}: only a client's load can change` });
    }
    const f = a?.fault;
    if (f) {
      const path = `${at}.action.fault.target`;
      const kind = kinds.get(f.target);
      if (f.kind === 'partition') {
        if (!edges.has(f.target)) problems.push({ path, message: `no edge "${f.target}" to partition` });
      } else if (f.kind === 'latency') {
        if (!kind && !edges.has(f.target)) problems.push({ path, message: `unknown node or edge "${f.target}"` });
      } else if (!kind) problems.push({ path, message: `unknown node "${f.target}"` });
      else if (kind === 'client') problems.push({ path, message: `a ${f.kind} fault needs a service, gateway or database, not the client "${f.target}"` });
    }
  });
  return problems;
}
