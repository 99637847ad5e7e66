import { useEffect } from 'react';
import { commandForKey } from './index';

/**
 * Routes global key presses to commands, leaving keys to the element with focus when it uses
 * them (commandForKey decides). It listens while the event comes down (capture), before any
 * library's own window listener: React Flow's, for one, takes Space to pan and marks it
 * handled, which swallowed Play.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const c = commandForKey(e);
      if (!c) return;
      e.preventDefault();
      c.perform();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
