import { useCallback, useState } from 'react';

const PREFIX = 'microcosm:';

function read(key: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(PREFIX + key);
    return v === null ? fallback : v === '1';
  } catch {
    return fallback; // storage switched off: the page works, it just forgets
  }
}

/** A yes/no the page remembers across visits (a panel folded or open), kept in the browser's storage. */
export function useRememberedFlag(key: string, fallback: boolean): [boolean, (next: boolean) => void] {
  const [value, setValue] = useState(() => read(key, fallback));
  const set = useCallback((next: boolean) => {
    setValue(next);
    try {
      localStorage.setItem(PREFIX + key, next ? '1' : '0');
    } catch {
      // as above
    }
  }, [key]);
  return [value, set];
}
