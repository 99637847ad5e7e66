import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';

/** What it takes to picture the whole drawing: React Flow's viewport, and where to move it. */
export interface CanvasShot {
  element: HTMLElement;
  width: number;
  height: number;
  style: Partial<CSSStyleDeclaration>;
}

/** The largest side of a canvas picture in CSS pixels (twice that in the file's pixels). */
const MAX_SIDE = 2400;
const MARGIN = 48;

let source: (() => CanvasShot | null) | null = null;

/** The canvas as a picture can take it now, or null when there is no canvas or nothing on it. */
export const canvasShot = (): CanvasShot | null => source?.() ?? null;

/**
 * Rendered inside the canvas's React Flow: lets the toolbar picture the whole drawing (not
 * only the part in view) at its natural size, without reaching into the page for it.
 */
export function CanvasPictureSource() {
  const rf = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    const mine = (): CanvasShot | null => {
      const nodes = rf.getNodes();
      // React Flow's own viewport element, found inside React Flow's own root (its documented way to picture a flow).
      const element = store.getState().domNode?.querySelector<HTMLElement>('.react-flow__viewport');
      if (!element || nodes.length === 0) return null;
      const b = rf.getNodesBounds(nodes);
      const shrink = Math.min(1, MAX_SIDE / (Math.max(b.width, b.height) + 2 * MARGIN));
      const width = Math.round((b.width + 2 * MARGIN) * shrink), height = Math.round((b.height + 2 * MARGIN) * shrink);
      const v = getViewportForBounds(b, width, height, 0.05, 2, `${MARGIN * shrink}px` as const);
      return { element, width, height, style: { width: `${width}px`, height: `${height}px`, transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})` } };
    };
    source = mine;
    return () => {
      if (source === mine) source = null;
    };
  }, [rf, store]);
  return null;
}
