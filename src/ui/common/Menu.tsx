import { useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';

/**
 * The page shows one menu at a time: opening a menu closes the one already open (a chaos menu
 * opened with Shift+F10 on the canvas and another from the inspector would otherwise stack).
 */
let closeOpenMenu: (() => void) | null = null;

const ITEMS = '[role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"]';
const EDGE_GAP = 4;

function enabledItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>(ITEMS) ?? [])].filter((b) => !b.matches(':disabled'));
}

/**
 * A WAI-ARIA menu at a point on the screen: focus starts on the first item, arrow keys, Home
 * and End move, Escape closes and gives focus back to where it came from. It closes when focus
 * moves on (Tab, or a click elsewhere) without pulling focus back, and it stays inside the
 * window when opened near an edge. `align: 'end'` puts its right edge at `at.x` (a menu under
 * a button at the right end of the toolbar).
 */
export function Menu({ label, at, onClose, children, align = 'start' }: { label: string; at: { x: number; y: number }; onClose: () => void; children: ReactNode; align?: 'start' | 'end' }) {
  const ref = useRef<HTMLDivElement>(null);
  // Where focus was when the menu opened (taken once, before the menu moves focus into itself).
  const [back] = useState(() => document.activeElement as HTMLElement | null);
  const close = useRef(onClose);
  // The menu button that opened it (if any) toggles it shut with its own click.
  const trigger = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const menu = ref.current;
    const mine = () => close.current();
    closeOpenMenu?.();
    closeOpenMenu = mine;
    if (!menu?.contains(document.activeElement)) enabledItems(menu)[0]?.focus();
    trigger.current = back?.matches('[aria-haspopup]') ? back : null;
    const away = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menu?.contains(t) && !trigger.current?.contains(t)) close.current();
    };
    document.addEventListener('pointerdown', away, true);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      if (closeOpenMenu === mine) closeOpenMenu = null;
      // Give focus back only when the menu is really gone (not in React's development
      // re-run of effects) and focus was still in it (Escape, an item chosen); focus that
      // moved on stays where the person put it.
      const now = document.activeElement;
      if (!menu?.isConnected && (!now || now === document.body || menu?.contains(now))) back?.focus?.();
    };
  }, [back]);

  // Keep the whole menu on screen (a node near the right edge, a button near the bottom).
  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const r = menu.getBoundingClientRect();
    const x = align === 'end' ? at.x - r.width : at.x;
    const left = Math.max(EDGE_GAP, Math.min(x, window.innerWidth - r.width - EDGE_GAP));
    const top = Math.max(EDGE_GAP, Math.min(at.y, window.innerHeight - r.height - EDGE_GAP));
    menu.style.left = `${left}px`;
    menu.style.top = `${top}px`;
  }, [at.x, at.y, align]);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = enabledItems(ref.current);
    const at0 = items.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number> = { ArrowDown: at0 + 1, ArrowUp: at0 - 1 + items.length, Home: 0, End: items.length - 1 };
    if (e.key === 'Escape') onClose();
    else if (e.key in move && items.length > 0) items[move[e.key] % items.length].focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const onBlur = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    // No next element: the window lost focus, or a click landed on nothing focusable (the
    // pointerdown handler deals with clicks); either way the menu may stay.
    if (next && !ref.current?.contains(next) && !trigger.current?.contains(next)) onClose();
  };

  return (
    <div ref={ref} className="mc-menu" role="menu" aria-label={label} tabIndex={-1}
      style={{ left: at.x, top: at.y }} onKeyDown={onKeyDown} onBlur={onBlur}>
      {children}
    </div>
  );
}

/** One entry of a Menu: out of the Tab order (arrow keys reach it), so Tab leaves the menu. */
export function MenuItem({ onSelect, children, disabled, title, checked }: { onSelect: () => void; children: ReactNode; disabled?: boolean; title?: string; checked?: boolean }) {
  return (
    <button type="button" role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'} aria-checked={checked} tabIndex={-1}
      disabled={disabled} title={title} onClick={onSelect}>
      {children}
    </button>
  );
}

export const MenuSeparator = () => <div role="separator" className="mc-menu__sep" />;
