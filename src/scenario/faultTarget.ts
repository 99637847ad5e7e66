import { kindCan, kindOf } from '../engine/kinds';
import { faultKindOf } from '../engine/faults/kinds';
/**
 * Why a fault of `kind` cannot hit `target`, or null when it can. What a fault may hit is its
 * fault kind's to say (faults/kinds: targets, needs, avoids); the scenario's faults and the
 * presenter's beats are checked by this one rule.
 */
export function faultTargetProblem(kind: string, target: string, nodes: ReadonlyMap<string, { kind: string }>, edges: { has(key: string): boolean }): string | null {
  const node = nodes.get(target);
  const isEdge = edges.has(target);
  const def = faultKindOf(kind);
  const targets = def?.targets ?? 'node';
  if (targets === 'edge') return isEdge ? null : `no edge "${target}" to ${kind}`;
  if (targets === 'node-or-edge') return node || isEdge ? null : `unknown node or edge "${target}"`;
  if (!node) return `unknown node "${target}"`;
  if (kindOf(node.kind)?.capabilities.source) return `a ${kind} fault needs a service, gateway or database, not the ${node.kind} "${target}"`;
  if ((def?.needs && !kindCan(node.kind, def.needs)) || (def?.avoids && kindCan(node.kind, def.avoids))) {
    return `${def.misfit ?? `a ${kind} fault cannot hit it`}: "${target}" is a ${node.kind}`;
  }
  return null;
}
