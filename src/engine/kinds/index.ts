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

/**
 * Every node kind, in palette order. Adding a kind is a folder beside these, a line here
 * and a line in the UI's node registry (a test checks that the two agree).
 */
export const KINDS = [clientKind, gatewayKind, serviceKind, functionKind, databaseKind, cacheKind, registryKind, queueKind, topicKind, sagaKind] as const;

export type KindName = (typeof KINDS)[number]['kind'];
export const KIND_NAMES = KINDS.map((k) => k.kind) as KindName[];

export function kindOf(name: string) {
  return KINDS.find((k) => k.kind === name);
}
