import { useStore } from '../../store';
import type { AppState, PanelId } from '../../store/types';
import { togglePanel } from '../../store/uiActions';
import { ChevronIcon } from './icons';

const selectCollapsed = (id: PanelId) => (s: AppState) => s.ui.collapsed[id];

/**
 * A panel's heading that folds the panel away (a disclosure button inside the heading, so the
 * heading still names the panel). `folds` is the way the panel goes: the palette folds left,
 * the side panels fold up into their headings.
 */
export function PanelHeading({ panel, title, headingId, bodyId, folds }: { panel: PanelId; title: string; headingId?: string; bodyId: string; folds: 'left' | 'up' }) {
  const collapsed = useStore(selectCollapsed(panel));
  const dir = folds === 'left' ? (collapsed ? 'right' : 'left') : collapsed ? 'right' : 'down';
  return (
    <h2 id={headingId} className="mc-panel-title">
      <button type="button" className="mc-panel-toggle" aria-expanded={!collapsed} aria-controls={bodyId}
        title={collapsed ? `Show the ${title.toLowerCase()}` : `Fold the ${title.toLowerCase()} away (more room for the canvas)`}
        onClick={() => togglePanel(panel)}>
        <span className="mc-panel-toggle__text">{title}</span>
        <ChevronIcon dir={dir} />
      </button>
    </h2>
  );
}
