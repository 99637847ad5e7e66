import { kindCan } from '../../engine/kinds';
import { FAULTS } from '../../engine/faults/kinds';
import type { FaultDefinition } from '../../engine/faults/types';
import type { FaultKind, FaultSpec } from '../../worker/protocol';

export interface FaultItem {
  kind: FaultKind;
  label: string;
  make(target: string): FaultSpec;
}

/** What the right-click menu offers, per target type: each fault kind's own entries (engine/faults/kinds). */
type Offered = FaultItem & { position: number; needsInstances: boolean; needs?: FaultDefinition['needs']; avoids?: FaultDefinition['avoids'] };

function itemsFor(where: 'node' | 'edge'): Offered[] {
  return (FAULTS as readonly FaultDefinition[]).flatMap((f): Offered[] => {
    const entry = f.menu?.[where];
    return entry ? [{ kind: f.kind as FaultKind, label: entry.label, position: entry.position, make: (target) => entry.make(target) as FaultSpec, needsInstances: f.needsInstances === true, needs: f.needs, avoids: f.avoids }] : [];
  }).sort((a, b) => a.position - b.position);
}

const NODE_ITEMS = itemsFor('node');
const EDGE_ITEMS = itemsFor('edge');
const strip = ({ kind, label, make }: FaultItem): FaultItem => ({ kind, label, make });

export function faultItemsFor(target: { type: 'node' | 'edge'; kind?: string }): FaultItem[] {
  if (target.type === 'edge') return EDGE_ITEMS.map(strip);
  // A node that starts requests (a client) takes no faults; only one with instances loses one.
  const kind = target.kind ?? '';
  if (kindCan(kind, 'source')) return [];
  return NODE_ITEMS.filter((i) => (!i.needsInstances || kindCan(kind, 'instances')) && (!i.needs || kindCan(kind, i.needs)) && (!i.avoids || !kindCan(kind, i.avoids))).map(strip);
}

/** What the live fault list calls each fault kind. */
export const FAULT_WORDS = Object.fromEntries(FAULTS.map((f) => [f.kind, f.words])) as Record<FaultKind, string>;
