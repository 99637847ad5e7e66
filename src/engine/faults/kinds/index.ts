import { blackholeFault } from './blackhole';
import { errorFault } from './error';
import { flushFault } from './flush';
import { killInstanceFault } from './killInstance';
import { killServiceFault } from './killService';
import { latencyFault } from './latency';
import { partitionFault } from './partition';
import { slowdownFault } from './slowdown';
import type { FaultDefinition } from '../types';

/**
 * Every fault kind: the one list the scenario schema, the fault book, the fault menu and the
 * cross-checks read. Adding one is a file beside these and a line here (kinds/README.md).
 */
export const FAULTS = [killInstanceFault, killServiceFault, errorFault, latencyFault, slowdownFault, partitionFault, blackholeFault, flushFault] as const;

/** The definition of a fault kind by name (typed loosely: callers hold faults of any kind). */
export function faultKindOf(kind: string): FaultDefinition | undefined {
  return FAULTS.find((f) => f.kind === kind) as FaultDefinition | undefined;
}
