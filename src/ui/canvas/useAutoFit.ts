import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { getViewportForBounds, type ReactFlowInstance, type Rect } from '@xyflow/react';
import type { FlowEdge, FlowNode } from './types';

/** A fixed margin rather than a share of the view, so a small screen gives the drawing all it can. */
export const FIT = { padding: '16px', maxZoom: 1.5 } as const;
export const ZOOM_RANGE = { minZoom: 0.15, maxZoom: 2.5 } as const;
const SETTLE_MS = 50;

function union(a: Rect, b: Rect | null): Rect {
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/**
 * Keeps the drawing (its nodes and its edge labels) fitted to the canvas until the person
 * moves the view themselves: after a fit request (import, preset, tidy, projector, a panel
 * folded), when the canvas changes size, and when nodes or labels grow past the edge of the
 * view (a node's numbers arrive after the first fit). Panning or zooming by hand stops it; the
 * fit button or the next request starts it again. A small drawing is not blown up past 1.5x.
 */
export function useAutoFit(rf: ReactFlowInstance<FlowNode, FlowEdge>, fitRequest: number, labels: Rect | null) {
  const auto = useRef(true);
  const box = useRef<HTMLDivElement>(null);
  const labelExtent = useRef(labels);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const drawing = useCallback((): Rect | null => {
    const nodes = rf.getNodes();
    return nodes.length === 0 ? null : union(rf.getNodesBounds(nodes), labelExtent.current);
  }, [rf]);

  const fitNow = useCallback((duration = 200) => {
    const el = box.current;
    const b = drawing();
    if (!el || !b || el.clientWidth === 0) return;
    const vp = getViewportForBounds(b, el.clientWidth, el.clientHeight, ZOOM_RANGE.minZoom, FIT.maxZoom, FIT.padding);
    void rf.setViewport(vp, { duration });
  }, [rf, drawing]);

  // Waits a moment so React Flow has measured nodes that just arrived or changed size.
  const fitSoon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (auto.current) fitNow();
    }, SETTLE_MS);
  }, [fitNow]);

  /** Fits again if any part of the drawing now reaches past the visible canvas. */
  const refitIfCut = useCallback(() => {
    const el = box.current;
    const b = drawing();
    if (!auto.current || !el || !b) return;
    const { x, y, zoom } = rf.getViewport();
    const left = b.x * zoom + x;
    const top = b.y * zoom + y;
    if (left < 0 || top < 0 || left + b.width * zoom > el.clientWidth || top + b.height * zoom > el.clientHeight) fitSoon();
  }, [rf, drawing, fitSoon]);

  useLayoutEffect(() => {
    labelExtent.current = labels;
    refitIfCut();
  }, [labels, refitIfCut]);

  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (fitRequest === 0) return;
    auto.current = true;
    fitSoon();
  }, [fitRequest, fitSoon]);

  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let size = `${el.clientWidth}x${el.clientHeight}`;
    const ro = new ResizeObserver(() => {
      const now = `${el.clientWidth}x${el.clientHeight}`;
      if (now === size) return;
      size = now;
      fitSoon();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fitSoon]);

  /** A move with an event behind it is the person's own (a program's moves have none). */
  const onMoveStart = useCallback((event: unknown) => {
    if (event) auto.current = false;
  }, []);
  const stop = useCallback(() => {
    auto.current = false;
  }, []);
  const fitButton = useCallback(() => {
    auto.current = true;
    fitNow();
  }, [fitNow]);

  return { box, onNodesResized: refitIfCut, onMoveStart, onZoomButton: stop, fitButton };
}
