import type { z } from 'zod';
import { cacheKind } from './cache';
import { clientKind } from './client';
import { databaseKind } from './database';
import { functionKind } from './function';
import { gatewayKind } from './gateway';
import { queueKind } from './queue';
import { registryKind } from './registry';
import { sagaKind } from './saga';
import { serviceKind } from './service';
import { topicKind } from './topic';
import type { KindCapabilities, KindChangeShape, KindDefinition } from './types';

/**
 * Every node kind, in palette order: the one list the scenario schema, the engine, live
 * edits, faults and cross-checks read. Adding a kind is a folder beside these and a line here
 * (see README.md).
 */
export const KINDS = [clientKind, gatewayKind, serviceKind, functionKind, databaseKind, cacheKind, registryKind, queueKind, topicKind, sagaKind] as const;

export type KindName = (typeof KINDS)[number]['kind'];

/** The live changes the kinds declare for themselves, read off the registry: a kind with a new one adds no line anywhere else. */
type ChangeOf<K> = K extends KindDefinition<z.ZodType, infer C> ? C : never;
export type KindOwnChange = ChangeOf<(typeof KINDS)[number]> extends infer C extends KindChangeShape ? C : never;
export const KIND_NAMES = KINDS.map((k) => k.kind) as KindName[];

/** The definition of a kind by name (typed loosely: callers hold nodes of any kind). */
export function kindOf(name: string): KindDefinition | undefined {
  return KINDS.find((k) => k.kind === name) as KindDefinition | undefined;
}

/** Whether nodes of kind `name` have capability `cap` (false for an unknown kind). */
export function kindCan(name: string, cap: keyof KindCapabilities): boolean {
  return kindOf(name)?.capabilities[cap] === true;
}
