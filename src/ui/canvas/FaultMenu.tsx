import { spike, startFault } from '../../store/runActions';
import { Menu, MenuItem } from '../common/Menu';
import { kindCan } from '../../engine/kinds';
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
 * it works from the keyboard (Shift+F10 or the inspector's Chaos… button) as well as from a
 * right click.
 */
export function FaultMenu({ target, onClose }: { target: MenuTarget; onClose: () => void }) {
  const items = faultItemsFor(target);

  const run = (fn: () => void) => () => {
    fn();
    onClose();
  };

  return (
    <Menu label={`Chaos for ${target.id}`} at={target} onClose={onClose}>
      <div className="mc-menu__title" aria-hidden="true">{target.id}</div>
      {kindCan(target.kind ?? '', 'source') && (
        <MenuItem onSelect={run(() => spike(target.id))}>Spike load ×5 for 30 s</MenuItem>
      )}
      {items.map((item) => (
        <MenuItem key={item.kind} onSelect={run(() => startFault(item.make(target.id)))}>
          {item.label}
        </MenuItem>
      ))}
      {items.length === 0 && !kindCan(target.kind ?? '', 'source') && <p className="mc-menu__note">No faults for this element.</p>}
    </Menu>
  );
}
