import type { FaultKind, FaultSpec } from '../../worker/protocol';

export interface FaultItem {
  kind: FaultKind;
  label: string;
  make(target: string): FaultSpec;
}

/** What the right-click menu offers, per target type, with classroom-sized defaults. */
const NODE_ITEMS: FaultItem[] = [
  { kind: 'kill-instance', label: 'Kill one instance', make: (target) => ({ kind: 'kill-instance', target }) },
  { kind: 'kill-service', label: 'Kill the whole service', make: (target) => ({ kind: 'kill-service', target }) },
  { kind: 'latency', label: 'Add latency (+200 ms)', make: (target) => ({ kind: 'latency', target, addMs: 200 }) },
  { kind: 'error', label: 'Fail 50% of requests', make: (target) => ({ kind: 'error', target, rate: 0.5 }) },
  { kind: 'slowdown', label: 'Slow down (×3 service time)', make: (target) => ({ kind: 'slowdown', target, factor: 3 }) },
  { kind: 'blackhole', label: 'Black hole (never answers)', make: (target) => ({ kind: 'blackhole', target }) },
];

const EDGE_ITEMS: FaultItem[] = [
  { kind: 'latency', label: 'Add network latency (+200 ms)', make: (target) => ({ kind: 'latency', target, addMs: 200 }) },
  { kind: 'partition', label: 'Partition (cut this link)', make: (target) => ({ kind: 'partition', target }) },
];

const FLUSH: FaultItem = { kind: 'flush', label: 'Flush the cache (empty it)', make: (target) => ({ kind: 'flush', target }) };

/** Kinds with instances to kill; a database has replicas, not instances, in the fault model. */
const HAS_INSTANCES = new Set(['service', 'gateway', 'database']);

export function faultItemsFor(target: { type: 'node' | 'edge'; kind?: string }): FaultItem[] {
  if (target.type === 'edge') return EDGE_ITEMS;
  if (target.kind === 'client') return [];
  const kind = target.kind ?? '';
  // A function's platform replaces environments itself: nothing to kill, only to fail or slow.
  const items = NODE_ITEMS.filter((i) => (i.kind !== 'kill-instance' || HAS_INSTANCES.has(kind)) && (kind !== 'function' || i.kind !== 'kill-service'));
  return kind === 'cache' ? [FLUSH, ...items.map((i) => (i.kind === 'kill-service' ? { ...i, label: 'Kill the cache (restarts empty)' } : i))] : items;
}

export const FAULT_WORDS: Record<FaultKind, string> = {
  'kill-instance': 'instance killed',
  'kill-service': 'service killed',
  latency: 'added latency',
  error: 'errors',
  slowdown: 'slowdown',
  partition: 'partition',
  blackhole: 'black hole',
  flush: 'flushed',
};
