import { useId, useMemo, type ReactNode } from 'react';
import { useStore } from '../../../store';
import { lockReason, selectLocks } from '../../../store/lessonSelectors';
import type { Path } from './fieldSpec';

/** Why the field at a form path may not be changed; `whole` when the field is drawn whole. */
export type LockedAt = (path: Path, whole: boolean) => string | undefined;

/** A field shown but not editable, with the reason beside it (a lesson's lock). */
export function LockedField({ reason, children }: { reason: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="mc-locked">
      <fieldset disabled className="mc-locked__fields" aria-describedby={id}>{children}</fieldset>
      <p id={id} className="mc-locked__reason"><span aria-hidden="true">🔒 </span>{reason}</p>
    </div>
  );
}

/**
 * The open lesson's locks for the element whose scenario path starts with `prefix`
 * ("nodes.payments", "edges.a->b", "" for the scenario itself); undefined when none apply.
 */
export function useLockedAt(prefix: string): LockedAt | undefined {
  const locks = useStore(selectLocks);
  return useMemo(() => {
    if (locks.size === 0) return undefined;
    return (path: Path, whole: boolean) => lockReason(locks, [prefix, ...path.map(String)].filter((x) => x !== '').join('.'), whole);
  }, [locks, prefix]);
}
