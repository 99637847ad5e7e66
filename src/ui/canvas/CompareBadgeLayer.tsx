import { ViewportPortal } from '@xyflow/react';
import { useStore } from '../../store';
import { useCompare } from '../../store/compareData';
import type { AppState } from '../../store/types';

const selectNodes = (s: AppState) => s.scenario.nodes;

/**
 * Compare mode's B - A badges above the nodes, in the canvas's coordinates so they pan and
 * zoom with it; the panel works out their text (ui/compare/CompareBadges.tsx).
 */
export function CompareBadgeLayer() {
  const nodes = useStore(selectNodes);
  // The badges are B - A now: while the page shows a moment of the past ([data-replay="on"]),
  // the style sheet hides them, as they would mislead.
  const badges = useCompare((s) => s.badges);
  return (
    <ViewportPortal>
      {nodes.map((n) => {
        const b = badges[n.id];
        return b && n.position && (
          <div key={n.id} className={`mc-compare-badge ${b.worse ? 'is-worse' : 'is-better'}`} style={{ transform: `translate(${n.position.x}px,${n.position.y - 24}px)` }}>{b.text}</div>
        );
      })}
    </ViewportPortal>
  );
}
