import { useStoreApi } from '@xyflow/react';
import type { DragEvent } from 'react';
import { KINDS } from '../../engine/kinds';
import { useStore } from '../../store';
import { selectAllowedKinds } from '../../store/lessonSelectors';
import { addNode } from '../../store/scenarioActions';
import type { AppState } from '../../store/types';
import { PanelHeading } from '../common/PanelHeading';
import { freeSpot } from './freeSpot';
import { KindIcon } from '../canvas/nodes/kindLooks';
import { PALETTE_MIME } from './paletteDrag';

/**
 * Node kinds to drag onto the canvas. Each is also a button (Enter or click) that drops the
 * kind in the middle of the view, so building works without a mouse.
 */
const selectFolded = (s: AppState) => s.ui.collapsed.palette;

export function Palette() {
  const folded = useStore(selectFolded);
  // React Flow's own state of the canvas: its size and how the drawing is panned and zoomed.
  const flow = useStoreApi();
  // A lesson may offer only some kinds.
  const allowed = useStore(selectAllowedKinds);
  const kinds = allowed ? KINDS.filter((k) => allowed.includes(k.kind)) : KINDS;
  const addAtCentre = (kind: string) => {
    // The middle of the view in the drawing's coordinates (the origin before the canvas is measured).
    const { width, height, transform: [x, y, zoom] } = flow.getState();
    const p = width > 0 && height > 0 ? { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom } : { x: 0, y: 0 };
    const taken = useStore.getState().scenario.nodes.flatMap((n) => (n.position ? [n.position] : []));
    addNode(kind, freeSpot(taken, { x: p.x - 90, y: p.y - 40 }));
  };
  const onDragStart = (e: DragEvent, kind: string) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="mc-palette" aria-label="Node kinds">
      <PanelHeading panel="palette" title="Palette" bodyId="mc-palette-body" folds="left" />
      <ul id="mc-palette-body" hidden={folded}>
        {kinds.map((k) => (
          <li key={k.kind}>
            <button
              type="button"
              className="mc-palette__item"
              draggable
              onDragStart={(e) => onDragStart(e, k.kind)}
              onClick={() => addAtCentre(k.kind)}
              title={`${k.title}: ${k.description} Drag onto the canvas, or press to add in the middle.`}
              aria-label={`Add ${k.title}`}
              data-kind={k.kind}
            >
              <KindIcon kind={k.kind} />
              <span>{k.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
