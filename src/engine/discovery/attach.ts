import type { Scenario } from '../model';
import type { World } from '../runtime/world';

/**
 * Wires service discovery into a built world when the scenario has a registry. Without one,
 * discovery is ideal and instant: callers see exactly the ready instances.
 */
export function attachDiscovery(_w: World, _scenario: Scenario): void {}
