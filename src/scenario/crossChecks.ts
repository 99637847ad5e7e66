import { edgeKey } from '../engine/calls/edgeSchema';
import { KINDS, kindOf } from '../engine/kinds';
import type { CrossCheckContext, KindDefinition } from '../engine/kinds/types';
import type { Scenario } from '../engine/model';
import { faultTargetProblem } from './faultTarget';
import { checkPresentation } from './presentationChecks';
import type { ScenarioProblem } from './problems';

/**
 * Checks that need the whole scenario: ids, edges, routes and cycles. Returns problems
 * (the scenario cannot run) and warnings (it can, but probably not as meant).
 */
export function crossCheck(s: Scenario): { problems: ScenarioProblem[]; warnings: string[] } {
  const problems: ScenarioProblem[] = [];
  const warnings: string[] = [];
  const byId = new Map<string, { index: number; kind: string }>();
  s.nodes.forEach((n, i) => {
    if (byId.has(n.id)) problems.push({ path: `nodes[${i}].id`, message: `duplicate id "${n.id}" (also nodes[${byId.get(n.id)!.index}])` });
    else byId.set(n.id, { index: i, kind: n.kind });
  });

  const seenEdges = new Map<string, number>();
  s.edges.forEach((e, i) => {
    const from = byId.get(e.from), to = byId.get(e.to);
    if (!from) problems.push({ path: `edges[${i}].from`, message: `unknown node "${e.from}"` });
    if (!to) problems.push({ path: `edges[${i}].to`, message: `unknown node "${e.to}"` });
    if (e.from === e.to) problems.push({ path: `edges[${i}]`, message: `a node cannot call itself ("${e.from}")` });
    const key = edgeKey(e.from, e.to);
    if (seenEdges.has(key)) problems.push({ path: `edges[${i}]`, message: `duplicate edge ${key} (also edges[${seenEdges.get(key)}])` });
    else seenEdges.set(key, i);
    warnings.push(...callWarnings(e));
    if (from && !kindOf(from.kind)?.canCall) problems.push({ path: `edges[${i}].from`, message: `a ${from.kind} makes no calls, so "${e.from}" cannot start an edge` });
    if (to && !kindOf(to.kind)?.canBeCalled) problems.push({ path: `edges[${i}].to`, message: `a ${to.kind} cannot be called, so "${e.to}" cannot end an edge` });
  });

  const ctx: CrossCheckContext = {
    scenario: s,
    kindById: new Map([...byId].map(([id, n]) => [id, n.kind])),
    kindOf,
    kinds: KINDS as readonly KindDefinition[],
    hasEdge: (from, to) => seenEdges.has(edgeKey(from, to)),
    needsEdge: (path, from, to) => {
      if (!byId.has(to)) problems.push({ path, message: `unknown node "${to}"` });
      else if (!seenEdges.has(edgeKey(from, to))) problems.push({ path, message: `no edge ${edgeKey(from, to)}: connect "${from}" to "${to}"` });
    },
    problems,
    warnings,
  };
  // Each kind checks its own fields (the edges they name...): kinds/*/index.ts.
  s.nodes.forEach((n, i) => kindOf(n.kind)?.crossCheck?.(n, i, ctx));

  const faultIds = new Map<string, number>();
  s.faults.forEach((f, i) => {
    if (f.id !== undefined) {
      if (faultIds.has(f.id)) problems.push({ path: `faults[${i}].id`, message: `duplicate fault id "${f.id}" (also faults[${faultIds.get(f.id)}]): give each fault its own id` });
      else faultIds.set(f.id, i);
    }
    const problem = faultTargetProblem(f.kind, f.target, byId, seenEdges);
    if (problem) problems.push({ path: `faults[${i}].target`, message: problem });
  });

  for (const kind of KINDS as readonly KindDefinition[]) kind.crossCheckAll?.(s.nodes.filter((n) => n.kind === kind.kind), ctx);

  problems.push(...checkPresentation(s));
  if (s.warmupMs >= s.durationMs) problems.push({ path: 'warmupMs', message: `must be shorter than durationMs (${s.durationMs})` });
  if (problems.length === 0) {
    const cycle = findCallCycle(s);
    if (cycle) problems.push({ path: 'edges', message: `synchronous call cycle ${cycle.join(' -> ')}: a request would wait for itself` });
  }
  return { problems, warnings };
}

/**
 * What may not work as meant on one call (its edge inspector shows these as well). A breaker
 * counts outcomes, and a call to a dependency that hangs (a black hole, a partition) has none
 * until the caller gives up: without a timeout it never fails, and the breaker never opens.
 */
export function callWarnings(e: Scenario['edges'][number]): string[] {
  if (e.circuitBreaker && e.timeoutMs === undefined) {
    return [`call ${edgeKey(e.from, e.to)} has a circuit breaker but no timeout: a hung dependency never fails a call, so the breaker never opens. Give this call a timeoutMs so a hung dependency counts as a failure and the breaker can open.`];
  }
  return [];
}

/** A cycle of synchronous calls, as the list of node ids around it, or null. */
export function findCallCycle(s: Scenario): string[] | null {
  // Publishing to a queue or topic does not wait for the consumers, so it breaks a cycle.
  const async = new Set(s.nodes.filter((n) => kindOf(n.kind)?.capabilities.asynchronous).map((n) => n.id));
  const out = new Map<string, string[]>();
  for (const e of s.edges) if (!async.has(e.to)) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    stack.push(id);
    for (const next of out.get(id) ?? []) {
      if (state.get(next) === 1) return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const c = visit(next);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const n of s.nodes) {
    if (!state.has(n.id)) {
      const c = visit(n.id);
      if (c) return c;
    }
  }
  return null;
}
