/**
 * The chaos monkey: kills a random ready instance at random moments, on average `perMinute`
 * times per simulated minute. It draws from its own seeded generator, not the engine's, so
 * switching it on does not change the random numbers the run itself uses, and the same
 * scenario, seed and settings kill the same instances at the same simulated times.
 */
import type { Snapshot } from '../engine/metrics/snapshot';

export interface Chaos {
  enabled: boolean;
  perMinute: number;
  /** Simulated time of the next kill. */
  nextAtMs: number;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function nextKillAt(nowMs: number, perMinute: number, rand: () => number): number {
  if (perMinute <= 0) return Infinity;
  return nowMs + (-Math.log(1 - rand()) * 60_000) / perMinute;
}

/** A node with a ready instance to kill, chosen at random; null when none. */
export function pickVictim(snapshot: Snapshot | null, killable: ReadonlySet<string>, rand: () => number): string | null {
  if (!snapshot) return null;
  const ids = Object.keys(snapshot.nodes).filter((id) => killable.has(id) && snapshot.nodes[id].readyReplicas > 0).sort();
  if (ids.length === 0) return null;
  return ids[Math.floor(rand() * ids.length)];
}
