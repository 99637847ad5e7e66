import { clientKind } from './client';
import { databaseKind } from './database';
import { gatewayKind } from './gateway';
import { serviceKind } from './service';

/**
 * Every node kind, in palette order. Adding a kind is a folder beside these, a line here
 * and a line in the UI's node registry (a test checks that the two agree).
 */
export const KINDS = [clientKind, gatewayKind, serviceKind, databaseKind] as const;

export type KindName = (typeof KINDS)[number]['kind'];
export const KIND_NAMES = KINDS.map((k) => k.kind) as KindName[];

export function kindOf(name: string) {
  return KINDS.find((k) => k.kind === name);
}
