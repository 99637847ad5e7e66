/**
 * Folds a worker snapshot into the run slice. Structured cloning gives every object a new
 * identity on each message, so entries whose numbers did not change are replaced by the
 * previous object: a memoised node or edge then skips its render (excalidraw's version idea,
 * done by value because the snapshot carries no per-node revision).
 */
import type { Snapshot } from '../engine/metrics/snapshot';
import type { LiveEvent } from '../worker/protocol';
import type { RunState } from './types';

export const MAX_EVENTS = 500;

/**
 * Equal by value for what a snapshot holds: numbers, strings and booleans by ===, arrays
 * element by element, records (an instance, a node's `extra`) key by key.
 */
function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
  if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
    return sameRecord(x as Record<string, unknown>, y as Record<string, unknown>);
  }
  return false;
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
}

/** next, with every entry equal by value to its previous one swapped for the previous object. */
export function keepUnchanged<T extends object>(prev: Record<string, T>, next: Record<string, T>): Record<string, T> {
  let same = Object.keys(prev).length === Object.keys(next).length;
  const out: Record<string, T> = {};
  for (const [id, v] of Object.entries(next)) {
    const p = prev[id];
    if (p && sameRecord(p as Record<string, unknown>, v as Record<string, unknown>)) out[id] = p;
    else {
      out[id] = v;
      same = false;
    }
  }
  return same ? prev : out;
}

export function mergeSnapshot(run: RunState, snap: Snapshot, running: boolean, events: LiveEvent[]): RunState {
  return {
    ...run,
    status: running ? 'running' : run.status === 'done' || run.status === 'error' ? run.status : snap.tMs > 0 ? 'paused' : 'idle',
    seq: snap.seq,
    simTimeMs: snap.tMs,
    clients: keepUnchanged(run.clients, snap.clients),
    nodes: keepUnchanged(run.nodes, snap.nodes),
    edges: keepUnchanged(run.edges, snap.edges),
    events: events.length > 0 ? [...run.events, ...events].slice(-MAX_EVENTS) : run.events,
  };
}
