import { useState } from 'react';
import { removeElements } from '../../../store/scenarioActions';
import { FaultMenu, type MenuTarget } from '../../canvas/FaultMenu';

/** Keyboard-reachable twins of the canvas gestures: the chaos menu and delete. */
export function ElementActions({ target }: { target: Omit<MenuTarget, 'x' | 'y'> }) {
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  return (
    <div className="mc-actions">
      <button type="button" className="mc-btn mc-btn--small" aria-haspopup="menu" aria-expanded={!!menu}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setMenu(menu ? null : { ...target, x: r.left, y: r.bottom + 4 });
        }}>
        Chaos…
      </button>
      <button type="button" className="mc-btn mc-btn--small mc-btn--danger"
        onClick={() => (target.type === 'node' ? removeElements([target.id], []) : removeElements([], [target.id]))}>
        Delete
      </button>
      {menu && <FaultMenu target={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}
