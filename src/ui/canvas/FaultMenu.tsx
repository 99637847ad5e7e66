import { useEffect, useRef } from 'react';
import { useStore } from '../../store';
import { spike, startFault } from '../../store/runActions';
import { selectCapabilities } from '../../store/selectors';
import { faultItemsFor } from './faultMenuItems';

export interface MenuTarget {
  type: 'node' | 'edge';
  id: string;
  kind?: string;
  x: number;
  y: number;
}

/**
 * The chaos menu for one node or edge: a real menu (arrow keys, Escape, focus returns), so
 * it works from the keyboard as well as from a right click.
 */
export function FaultMenu({ target, onClose }: { target: MenuTarget; onClose: () => void }) {
  const caps = useStore(selectCapabilities);
  const ref = useRef<HTMLDivElement>(null);
  const items = faultItemsFor(target);

  useEffect(() => {
    const back = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      back?.focus?.();
    };
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') buttons[(at + 1) % buttons.length]?.focus();
    else if (e.key === 'ArrowUp') buttons[(at - 1 + buttons.length) % buttons.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const run = (fn: () => void) => () => {
    fn();
    onClose();
  };

  return (
    <div ref={ref} className="mc-menu" role="menu" aria-label={`Chaos for ${target.id}`} style={{ left: target.x, top: target.y }} onKeyDown={onKeyDown}>
      <div className="mc-menu__title" aria-hidden="true">{target.id}</div>
      {target.kind === 'client' && (
        <button type="button" role="menuitem" onClick={run(() => spike(target.id))}>Spike load ×5 for 30 s</button>
      )}
      {items.map((item) => (
        <button
          key={item.kind}
          type="button"
          role="menuitem"
          disabled={!caps.faults}
          title={caps.faults ? undefined : 'This engine build cannot inject live faults yet'}
          onClick={run(() => startFault(item.make(target.id)))}
        >
          {item.label}
        </button>
      ))}
      {items.length > 0 && !caps.faults && <p className="mc-menu__note">Live faults arrive with the next engine build.</p>}
      {items.length === 0 && target.kind !== 'client' && <p className="mc-menu__note">No faults for this element.</p>}
    </div>
  );
}
