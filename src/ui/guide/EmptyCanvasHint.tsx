import { useStore } from '../../store';
import type { AppState } from '../../store/types';

const selectEmpty = (s: AppState) => s.scenario.nodes.length === 0;

/** What to do on an empty canvas (after New, or once every node is deleted). */
export function EmptyCanvasHint() {
  const empty = useStore(selectEmpty);
  if (!empty) return null;
  return (
    <p className="mc-empty" role="status">
      An empty scenario. Drag a kind from the palette onto the canvas (or press it) to add a node, starting with a
      Client, then connect nodes by dragging from a node's right handle; or open a preset from the <strong>Presets…</strong> menu.
    </p>
  );
}
