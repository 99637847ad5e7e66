import { useId, useMemo, type ReactNode } from 'react';
import { useStore } from '../../../store';
import { lockReason, selectLocks } from '../../../store/lessonSelectors';
import type { Path } from './fieldSpec';

/** Why the field at a form path may not be changed; `whole` when the field is drawn whole. */
export type LockedAt = (path: Path, whole: boolean) => string | undefined;

const LockIcon = () => (
  <svg width={12} height={12} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="mc-locked__icon">
    <rect x="4.5" y="10.5" width="15" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth={2.2} />
    <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth={2.2} />
  </svg>
);

/** A field shown but not editable, with the reason beside it (a lesson's lock). */
export function LockedField({ reason, children }: { reason: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="mc-locked">
      <fieldset disabled className="mc-locked__fields" aria-describedby={id}>{children}</fieldset>
      <p id={id} className="mc-locked__reason"><LockIcon />{reason}</p>
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
