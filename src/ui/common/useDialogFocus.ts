import { useEffect, type KeyboardEvent, type RefObject } from 'react';

/** What Tab may reach inside a dialog. */
const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea, [tabindex="0"]';

/**
 * A modal dialog's keyboard: on opening, focus goes to the element `initial` selects (and back
 * where it was on closing); Escape closes; Tab and Shift+Tab go round inside the dialog.
 * Returns the dialog's onKeyDown.
 */
export function useDialogFocus(panel: RefObject<HTMLElement | null>, initial: string, close: () => void): (e: KeyboardEvent) => void {
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    panel.current?.querySelector<HTMLElement>(initial)?.focus();
    return () => before?.focus?.();
    // Once per opening: the dialog mounts when it opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
      return;
    }
    if (e.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0);
    if (items.length === 0) return;
    const first = items[0], last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
}
