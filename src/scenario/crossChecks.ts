import { edgeKey } from '../engine/calls/edgeSchema';
import { kindOf } from '../engine/kinds';
import type { Scenario } from '../engine/model';
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

  s.nodes.forEach((n, i) => {
    const needsEdge = (path: string, to: string) => {
      if (!byId.has(to)) problems.push({ path, message: `unknown node "${to}"` });
      else if (!seenEdges.has(edgeKey(n.id, to))) problems.push({ path, message: `no edge ${edgeKey(n.id, to)}: connect "${n.id}" to "${to}"` });
    };
    if (n.kind === 'gateway') {
      n.routes.forEach((r, k) => {
        if (typeof r.to === 'string') needsEdge(`nodes[${i}].routes[${k}].to`, r.to);
        else {
          r.to.forEach((t, m) => needsEdge(`nodes[${i}].routes[${k}].to[${m}].service`, t.service));
          if (r.to.reduce((a, t) => a + t.weight, 0) <= 0) problems.push({ path: `nodes[${i}].routes[${k}].to`, message: 'the split weights add up to 0' });
        }
      });
      if (n.auth) needsEdge(`nodes[${i}].auth.to`, n.auth.to);
    }
    if (n.kind === 'service') {
      n.operations?.forEach((o, k) => o.calls.forEach((to, m) => needsEdge(`nodes[${i}].operations[${k}].calls[${m}]`, to)));
      if (n.sessions === 'store') {
        if (!n.sessionStore) problems.push({ path: `nodes[${i}].sessionStore`, message: 'sessions "store" needs sessionStore: the node that holds them' });
        else needsEdge(`nodes[${i}].sessionStore`, n.sessionStore);
      }
    }
    if (n.kind === 'queue' || n.kind === 'topic') checkMessaging(s, n, i, byId, problems, warnings);
    if (n.kind === 'saga') {
      n.steps.forEach((st, k) => {
        needsEdge(`nodes[${i}].steps[${k}].call`, st.call);
        if (st.compensate !== undefined) needsEdge(`nodes[${i}].steps[${k}].compensate`, st.compensate);
      });
      if (n.pivot !== undefined && n.pivot >= n.steps.length) problems.push({ path: `nodes[${i}].pivot`, message: `pivot must be the index of a step: 0 to ${n.steps.length - 1}` });
      else if (n.pivot !== undefined) {
        const unused = n.steps.flatMap((st, k) => (k >= n.pivot! && st.compensate !== undefined ? [k] : []));
        if (unused.length > 0) warnings.push(`saga "${n.id}": the compensate of step ${unused.join(', ')} never runs (steps from the pivot on are not compensated)`);
      }
      const named = new Set(n.steps.flatMap((st) => (st.compensate === undefined ? [st.call] : [st.call, st.compensate])));
      for (const e of s.edges) if (e.from === n.id && !named.has(e.to)) warnings.push(`saga "${n.id}" never calls "${e.to}": no step names it`);
    }
    if (n.kind === 'client') {
      if (n.paths.reduce((a, p) => a + p.weight, 0) <= 0) problems.push({ path: `nodes[${i}].paths`, message: 'the path weights add up to 0' });
      if (!s.edges.some((e) => e.from === n.id)) warnings.push(`client "${n.id}" calls nothing: connect it to a gateway or service`);
    }
  });

  const faultIds = new Map<string, number>();
  s.faults.forEach((f, i) => {
    if (f.id !== undefined) {
      if (faultIds.has(f.id)) problems.push({ path: `faults[${i}].id`, message: `duplicate fault id "${f.id}" (also faults[${faultIds.get(f.id)}]): give each fault its own id` });
      else faultIds.set(f.id, i);
    }
    const path = `faults[${i}].target`;
    const node = byId.get(f.target);
    const isEdge = seenEdges.has(f.target);
    if (f.kind === 'partition') {
      if (!isEdge) problems.push({ path, message: `no edge "${f.target}" to partition` });
    } else if (f.kind === 'latency') {
      if (!node && !isEdge) problems.push({ path, message: `unknown node or edge "${f.target}"` });
    } else if (!node) problems.push({ path, message: `unknown node "${f.target}"` });
    else if (node.kind === 'client') problems.push({ path, message: `a ${f.kind} fault needs a service, gateway or database, not the client "${f.target}"` });
    else {
      const misfit = faultMisfit(f.kind, node.kind);
      if (misfit) problems.push({ path, message: `${misfit} ("${f.target}" is a ${node.kind})` });
    }
  });

  const registries = s.nodes.filter((n) => n.kind === 'registry');
  if (registries.length > 1) warnings.push(`${registries.length} registries: services register with the first one ("${registries[0].id}") only`);
  if (registries.length === 0) {
    for (const n of s.nodes) if (n.kind === 'service' && n.healthCheck) warnings.push(`healthCheck on "${n.id}" has no effect without a registry: discovery is already ideal and instant`);
  }

  // Database per service: a database that two services call is a shared database.
  for (const db of s.nodes.filter((n) => n.kind === 'database')) {
    const callers = [...new Set(s.edges.filter((e) => e.to === db.id).map((e) => e.from))]
      .filter((id) => byId.get(id)?.kind === 'service');
    if (callers.length > 1) warnings.push(`database "${db.id}" is shared by ${callers.map((c) => `"${c}"`).join(' and ')}: the shared-database anti-pattern couples them (give each service its own)`);
  }

  if (s.warmupMs >= s.durationMs) problems.push({ path: 'warmupMs', message: `must be shorter than durationMs (${s.durationMs})` });
  if (problems.length === 0) {
    const cycle = findCallCycle(s);
    if (cycle) problems.push({ path: 'edges', message: `synchronous call cycle ${cycle.join(' -> ')}: a request would wait for itself` });
  }
  return { problems, warnings };
}

/** Why a fault cannot hit a node of this kind, or null when it can. */
function faultMisfit(fault: string, kind: string): string | null {
  if (fault === 'flush') return kind === 'cache' ? null : 'a flush empties a cache: its target must be a cache';
  if (kind === 'function' && (fault === 'kill-instance' || fault === 'kill-service')) return 'a function has no instances to kill (its platform replaces a failed environment): use an error fault';
  if (kind === 'cache' && fault === 'kill-instance') return 'a cache is one node here: kill-service takes it down (it comes back empty)';
  return null;
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
  const async = new Set(s.nodes.filter((n) => n.kind === 'queue' || n.kind === 'topic').map((n) => n.id));
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

type MessagingNode = Extract<Scenario['nodes'][number], { kind: 'queue' | 'topic' }>;

/**
 * A queue or topic: its dead-letter queue, and what its edges may reach. A queue's edge makes
 * the target a consumer whose workers pull messages, so it must be a node with workers; a
 * topic may also fan out into queues (SNS to SQS).
 */
function checkMessaging(
  s: Scenario, n: MessagingNode, i: number, byId: Map<string, { index: number; kind: string }>,
  problems: ScenarioProblem[], warnings: string[],
): void {
  if (n.deadLetter !== undefined) {
    const dlq = byId.get(n.deadLetter);
    const path = `nodes[${i}].deadLetter`;
    if (!dlq) problems.push({ path, message: `unknown node "${n.deadLetter}": deadLetter must name a queue` });
    else if (dlq.kind !== 'queue') problems.push({ path, message: `"${n.deadLetter}" is a ${dlq.kind}: deadLetter must name a queue` });
    else if (n.deadLetter === n.id) problems.push({ path, message: `a queue cannot be its own dead-letter queue ("${n.id}")` });
  }
  if (n.delivery === 'at-most-once' && (n.deadLetter !== undefined || n.maxReceiveCount !== undefined)) {
    warnings.push(`${n.kind} "${n.id}" is at-most-once: a message is received once, so maxReceiveCount and deadLetter have no effect`);
  } else if (n.maxReceiveCount !== undefined && n.deadLetter === undefined) {
    warnings.push(`${n.kind} "${n.id}" has maxReceiveCount but no deadLetter: messages received ${n.maxReceiveCount} times are dropped (counted as lost)`);
  }
  const allowed = n.kind === 'queue' ? ['service', 'database', 'gateway'] : ['service', 'database', 'gateway', 'queue'];
  s.edges.forEach((e, k) => {
    if (e.from !== n.id) return;
    const to = byId.get(e.to);
    if (to && !allowed.includes(to.kind)) {
      problems.push({ path: `edges[${k}].to`, message: `a ${n.kind}'s edge goes to a consumer: a ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not the ${to.kind} "${e.to}"` });
    }
  });
}
