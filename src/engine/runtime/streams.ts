import { streamFor } from '../core/rng';
import type { EdgeRt, NodeRt } from './nodeRuntime';

/**
 * Gives every node, client and edge its own random streams, named by the seed, what draws and
 * the element's id (`node:api:service`, `client:users:arrivals`, `edge:api->db:latency`).
 * Two runs of variants of a scenario on the same seed then draw the same numbers for every
 * part the variants share (common random numbers): slowing one service does not move an
 * unrelated client's arrivals. Called once per element when the world is built.
 */
export function giveNodeStreams(n: NodeRt, seed: number): void {
  const at = `node:${n.id}:`;
  n.rngService = streamFor(seed, at + 'service');
  n.rngBalancer = streamFor(seed, at + 'balancer');
  n.rngFaults = streamFor(seed, at + 'faults');
  n.rngRoutes = streamFor(seed, at + 'routes');
  n.rngKind = streamFor(seed, at + 'kind');
  const c = n.client;
  if (c !== null) {
    c.rngArrivals = streamFor(seed, `client:${n.id}:arrivals`);
    c.rngPaths = streamFor(seed, `client:${n.id}:paths`);
  }
}

export function giveEdgeStreams(e: EdgeRt, seed: number): void {
  const at = `edge:${e.key}:`;
  e.rngLatency = streamFor(seed, at + 'latency');
  e.rngProbability = streamFor(seed, at + 'probability');
  e.rngFaults = streamFor(seed, at + 'faults');
  e.rngRetry = streamFor(seed, at + 'retry');
}
