import { kindOf } from '../kinds';
import type { Scenario } from '../model';
import type { World } from '../runtime/world';
import { Registry } from './registry';

/**
 * Wires service discovery into a built world when the scenario has a registry: every
 * node whose kind registers (a service) registers its instances with it and its callers find them through their cached
 * list (see README.md here). Without a registry, discovery is ideal and instant: callers see
 * exactly the ready instances. With several registries the first one (in node order) serves.
 */
export function attachDiscovery(w: World, scenario: Scenario): void {
  const registry = w.nodes.find((n) => n.state instanceof Registry)?.state as Registry | undefined;
  if (registry === undefined) return;
  scenario.nodes.forEach((node, i) => {
    const settings = kindOf(node.kind)?.discovery?.(node);
    if (settings) registry.watch(w.nodes[i], settings.healthCheck);
  });
}
