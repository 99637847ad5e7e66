import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { getViewportForBounds, type ReactFlowInstance, type Rect } from '@xyflow/react';
import { union } from './edges/labelPlacement';
import type { FlowEdge, FlowNode } from './types';

/** A fixed margin rather than a share of the view, so a small screen gives the drawing all it can. */
export const FIT = { padding: '16px', maxZoom: 1.5 } as const;
const FIT_PADDING_PX = 16;
export const ZOOM_RANGE = { minZoom: 0.15, maxZoom: 2.5 } as const;
const SETTLE_MS = 50;

/**
 * Keeps the drawing (its nodes and its edge labels) fitted to the canvas until the person
 * moves the view themselves: after a fit request (import, preset, tidy, projector, a panel
 * folded), when the canvas changes size, and when nodes or labels change the drawing's
 * bounds (a node's numbers arrive after the first fit). Panning or zooming by hand stops it; the
 * fit button or the next request starts it again. A small drawing is not blown up past 1.5x.
 */
export function useAutoFit(rf: ReactFlowInstance<FlowNode, FlowEdge>, fitRequest: number) {
  const auto = useRef(true);
  const box = useRef<HTMLDivElement>(null);
  const labelExtent = useRef<Rect | null>(null);
  const [aspect, setAspect] = useState(16 / 9);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const drawing = useCallback((): Rect | null => {
    const nodes = rf.getNodes();
    return nodes.length === 0 ? null : union([rf.getNodesBounds(nodes), ...(labelExtent.current ? [labelExtent.current] : [])]);
  }, [rf]);

  /** The view that fits the drawing as it is now; null before there is one. */
  const fitted = useCallback(() => {
    const el = box.current;
    const b = drawing();
    if (!el || !b || el.clientWidth === 0) return null;
    return getViewportForBounds(b, el.clientWidth, el.clientHeight, ZOOM_RANGE.minZoom, FIT.maxZoom, FIT.padding);
  }, [drawing]);

  const fitNow = useCallback((duration = 200) => {
    const vp = fitted();
    if (vp) void rf.setViewport(vp, { duration });
  }, [rf, fitted]);

  // Waits a moment so React Flow has measured nodes that just arrived or changed size.
  const fitSoon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (auto.current) fitNow();
    }, SETTLE_MS);
  }, [fitNow]);

  /**
   * Fits again when the drawing changed enough that the view no longer fits it (a node grew
   * past the edge, labels moved); a change of a pixel or two is let be, so a run's numbers
   * do not make the view twitch.
   */
  const refitIfOff = useCallback(() => {
    const want = auto.current ? fitted() : null;
    if (!want) return;
    const now = rf.getViewport();
    if (Math.abs(want.zoom / now.zoom - 1) > 0.02 || Math.abs(want.x - now.x) > 8 || Math.abs(want.y - now.y) > 8) fitSoon();
  }, [rf, fitted, fitSoon]);

  /** Labels were placed again: they are part of the drawing to fit. */
  const onLabelsPlaced = useCallback((extent: Rect | null) => {
    labelExtent.current = extent;
    refitIfOff();
  }, [refitIfOff]);

  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (fitRequest === 0) return;
    auto.current = true;
    fitSoon();
  }, [fitRequest, fitSoon]);

  // The canvas's shape inside the fit's margins (where labels may go, see labelSpots), in
  // steps of 0.05 so a window resized by a few pixels does not place every label again.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    let size = '';
    const measure = () => {
      const now = `${el.clientWidth}x${el.clientHeight}`;
      if (now === size) return;
      const first = size === '';
      size = now;
      const w = el.clientWidth - 2 * FIT_PADDING_PX;
      const h = el.clientHeight - 2 * FIT_PADDING_PX;
      if (w > 0 && h > 0) setAspect(Math.round((w / h) * 20) / 20);
      if (!first) fitSoon();
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
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

  return { box, aspect, onLabelsPlaced, onNodesResized: refitIfOff, onMoveStart, onZoomButton: stop, fitButton };
}

