import { useReactFlow, useStoreApi, type Rect } from '@xyflow/react';
import { useEffect } from 'react';

/** What it takes to picture the whole drawing: React Flow's viewport element and the drawing's bounds. */
export interface CanvasDrawing {
  element: HTMLElement;
  bounds: Rect;
}

let source: (() => CanvasDrawing | null) | null = null;

/** The drawing as a picture can take it now, or null when there is no canvas or nothing on it. */
export const canvasDrawing = (): CanvasDrawing | null => source?.() ?? null;

/**
 * Rendered inside the canvas's React Flow: lets the toolbar picture the whole drawing (not
 * only the part in view), without reaching into the page for it.
 */
export function CanvasPictureSource() {
  const rf = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    const mine = (): CanvasDrawing | null => {
      const nodes = rf.getNodes();
      // React Flow's own viewport element, inside React Flow's own root (its documented way to picture a flow).
      const element = store.getState().domNode?.querySelector<HTMLElement>('.react-flow__viewport');
      return element && nodes.length > 0 ? { element, bounds: rf.getNodesBounds(nodes) } : null;
    };
    source = mine;
    return () => {
      if (source === mine) source = null;
    };
  }, [rf, store]);
  return null;
}
