import { streamFor, type Xoshiro128 } from '../core/rng';
import type { EdgeRt, NodeRt } from './nodeRuntime';

/**
 * Gives every node, client and edge its own random streams, named by the seed, what draws and
 * the element's id (`node:api:service`, `client:users:arrivals`, `edge:api->db:latency`).
 * Two runs of variants of a scenario on the same seed then draw the same numbers for every
 * part the variants share (common random numbers): slowing one service does not move an
 * unrelated client's arrivals. Called once per element when the world is built.
 */
export function giveNodeStreams(n: NodeRt, seed: number): void {
  n.rngService = nodeStream(seed, n.id, 'service');
  n.rngBalancer = nodeStream(seed, n.id, 'balancer');
  n.rngFaults = nodeStream(seed, n.id, 'faults');
  n.rngRoutes = nodeStream(seed, n.id, 'routes');
  n.rngKind = nodeStream(seed, n.id, 'kind');
  const c = n.client;
  if (c !== null) {
    c.rngArrivals = streamFor(seed, `client:${n.id}:arrivals`);
    c.rngPaths = streamFor(seed, `client:${n.id}:paths`);
  }
}

/** A node's stream for one role (a kind's own draws come through BuildContext.stream). */
export function nodeStream(seed: number, id: string, role: string): Xoshiro128 {
  return streamFor(seed, `node:${id}:${role}`);
}

export function giveEdgeStreams(e: EdgeRt, seed: number): void {
  const at = `edge:${e.key}:`;
  e.rngLatency = streamFor(seed, at + 'latency');
  e.rngProbability = streamFor(seed, at + 'probability');
  e.rngFaults = streamFor(seed, at + 'faults');
  e.rngRetry = streamFor(seed, at + 'retry');
}
