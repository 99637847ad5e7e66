import { useEffect } from 'react';
import { commandForKey } from './index';

/** Routes global key presses to commands, leaving keys to whatever element has focus first. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const c = commandForKey(e);
      if (!c) return;
      e.preventDefault();
      c.perform();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
