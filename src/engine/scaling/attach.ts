import type { Scenario } from '../model';
import type { World } from '../runtime/world';

/** Wires autoscalers, instance sizes and the cost meter into a built world. */
export function attachScaling(_w: World, _scenario: Scenario): void {}
