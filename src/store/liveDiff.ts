/**
 * Works out how an edit reaches a running simulation: as live changes the engine applies at
 * once (instances, rps, concurrency, service time, a service's size and autoscaler, routes,
 * every call setting, the scenario's length), or, when the edit changes something the engine
 * cannot change live (topology, queue sizes, startup time...), as a restart with the new
 * scenario. Layout and wording (position, label, notes) never reach the engine.
 */
import { edgeKey } from '../engine/calls/edgeSchema';
import { kindOf } from '../engine/kinds';
import type { Change } from '../engine/simulation';
import type { Scenario } from './types';

type Node = Scenario['nodes'][number];
type Edge = Scenario['edges'][number];
export type LiveDiff = { kind: 'none' } | { kind: 'changes'; changes: Change[] } | { kind: 'restart'; reason: string };

const COSMETIC = new Set(['position', 'label', 'notes']);
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function nodeChanges(a: Node, b: Node): Change[] | string {
  const out: Change[] = [];
  const rec = (n: Node) => n as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (COSMETIC.has(k) || same(rec(a)[k], rec(b)[k])) continue;
    // Each kind lists the fields it can change live (kinds/*/index.ts, `liveFields`).
    const change = kindOf(b.kind)?.liveFields?.[k]?.(b.id, rec(b)[k] as never, rec(a)[k] as never);
    if (!change) return `${b.id}.${k}`;
    out.push(change);
  }
  return out;
}

/** Every call setting (timeout, retry, breaker, bulkhead, fallback, latency) applies live. */
function edgeChanges(a: Edge, b: Edge): Change[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (k !== 'label' && !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return [{ type: 'setEdge', edge: b }];
  }
  return [];
}

export function liveDiff(prev: Scenario, next: Scenario): LiveDiff {
  if (prev === next) return { kind: 'none' };
  for (const k of ['seed', 'warmupMs'] as const) if (prev[k] !== next[k]) return { kind: 'restart', reason: k };
  if (!same(prev.tracing, next.tracing)) return { kind: 'restart', reason: 'tracing' };
  if (prev.nodes.length !== next.nodes.length || prev.edges.length !== next.edges.length) return { kind: 'restart', reason: 'the topology' };
  const changes: Change[] = [];
  // The length only moves where Play stops: a run past the new end stops at once.
  if (prev.durationMs !== next.durationMs) changes.push({ type: 'setDuration', durationMs: next.durationMs });
  const before = new Map(prev.nodes.map((n) => [n.id, n]));
  for (const n of next.nodes) {
    const p = before.get(n.id);
    if (!p || p.kind !== n.kind) return { kind: 'restart', reason: 'the topology' };
    if (p === n) continue;
    const c = nodeChanges(p, n);
    if (typeof c === 'string') return { kind: 'restart', reason: c };
    changes.push(...c);
  }
  const edgesBefore = new Map(prev.edges.map((e) => [edgeKey(e.from, e.to), e]));
  for (const e of next.edges) {
    const p = edgesBefore.get(edgeKey(e.from, e.to));
    if (!p) return { kind: 'restart', reason: 'the topology' };
    if (p === e) continue;
    changes.push(...edgeChanges(p, e));
  }
  return changes.length > 0 ? { kind: 'changes', changes } : { kind: 'none' };
}
