import { kindCan } from '../../engine/kinds';
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

const FLUSH: FaultItem = { kind: 'flush', label: 'Flush the cache (empty it)', make: (target) => ({ kind: 'flush', target }) };

const EDGE_ITEMS: FaultItem[] = [
  { kind: 'latency', label: 'Add network latency (+200 ms)', make: (target) => ({ kind: 'latency', target, addMs: 200 }) },
  { kind: 'partition', label: 'Partition (cut this link)', make: (target) => ({ kind: 'partition', target }) },
];

export function faultItemsFor(target: { type: 'node' | 'edge'; kind?: string }): FaultItem[] {
  if (target.type === 'edge') return EDGE_ITEMS;
  // A node that starts requests (a client) takes no faults; only one with instances loses one.
  const kind = target.kind ?? '';
  if (kindCan(kind, 'source')) return [];
  // A platform-managed kind (a function) has nothing to kill; a flushable one (a cache) can be emptied.
  const items = NODE_ITEMS.filter((i) => (i.kind !== 'kill-instance' || kindCan(kind, 'instances')) && (i.kind !== 'kill-service' || !kindCan(kind, 'managed')));
  return kindCan(kind, 'flushable') ? [FLUSH, ...items] : items;
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
