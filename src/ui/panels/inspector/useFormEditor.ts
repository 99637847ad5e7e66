import { useCallback, useRef, useState } from 'react';
import { setIn, type Path } from './fieldSpec';
import type { Checked } from './validate';

/**
 * Edit state of one form: every keystroke is checked against the schema (errors show at
 * once), and a valid value is committed to the store when the field is done (blur, Enter,
 * a select), so one edit is one undo step and one live change.
 */
export function useFormEditor<T>(value: T, check: (candidate: T) => Checked<T>, commit: (v: T) => void) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Edits to several fields before a commit build on each other, not on the stale prop.
  const draft = useRef<{ base: T; value: T } | null>(null);
  const onEdit = useCallback((path: Path, v: unknown, done: boolean) => {
    const start = draft.current && draft.current.base === value ? draft.current.value : value;
    const candidate = setIn(start, path, v);
    draft.current = { base: value, value: candidate };
    const r = check(candidate);
    setErrors(r.ok ? {} : r.errors);
    if (r.ok && done) {
      draft.current = null;
      commit(r.value);
    }
  }, [value, check, commit]);
  return { errors, onEdit };
}
