import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { useStore } from '../../store';
import { selectSpotlight } from '../../store/lessonSelectors';
import { selectPresentFocus, usePresent } from '../present/presentState';
import type { FlowEdge, FlowNode } from './types';

export const SPOTLIGHT_CLASS = 'mc-spotlight';
const EDGE_SEP = '->';
/** Longer than a fit of the view takes (the canvas animates fits over 200 ms). */
const SETTLE_MS = 350;

/** The nodes a spotlight names: node ids as they are, both ends of an edge "a->b". */
function spotNodes(spot: readonly string[], known: ReadonlySet<string>): string[] {
  const ids = new Set<string>();
  for (const s of spot) {
    if (known.has(s)) ids.add(s);
    else if (s.includes(EDGE_SEP)) for (const end of s.split(EDGE_SEP)) ids.add(end);
  }
  return [...ids];
}

const NO_SPOT: readonly string[] = [];

/** The beat's focus while presenting, else the lesson step's spotlight. */
function useSpot(): readonly string[] {
  const lesson = useStore(selectSpotlight);
  const beat = usePresent(selectPresentFocus);
  return beat.length > 0 ? beat : lesson.length > 0 ? lesson : NO_SPOT;
}

/**
 * The presenter's beat's or the lesson step's spotlight on the canvas: the nodes and calls it names get a highlight
 * ring (a class, so the theme draws it), and the view pans to them when one is out of sight.
 */
export function useSpotlight(nodes: FlowNode[], edges: FlowEdge[]): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const spot = useSpot();
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const shown = useMemo(() => {
    if (spot.length === 0) return { nodes, edges };
    const on = new Set(spot);
    return {
      nodes: nodes.map((n) => (on.has(n.id) ? { ...n, className: SPOTLIGHT_CLASS } : n)),
      edges: edges.map((e) => (on.has(e.id) ? { ...e, className: SPOTLIGHT_CLASS } : e)),
    };
  }, [nodes, edges, spot]);

  useEffect(() => {
    if (spot.length === 0) return;
    // After React Flow has measured what it just drew and any fit of the view has settled.
    const t = setTimeout(() => {
      const all = rf.getNodes();
      const ids = new Set(spotNodes(spot, new Set(all.map((n) => n.id))));
      const targets = all.filter((n) => ids.has(n.id));
      const pane = document.querySelector('.mc-canvas')?.getBoundingClientRect();
      if (targets.length === 0 || !pane) return;
      const b = rf.getNodesBounds(targets);
      const a = rf.screenToFlowPosition({ x: pane.left, y: pane.top });
      const z = rf.screenToFlowPosition({ x: pane.right, y: pane.bottom });
      if (b.x >= a.x && b.y >= a.y && b.x + b.width <= z.x && b.y + b.height <= z.y) return;
      // Pan, keeping the zoom, so the rest of the drawing stays where the learner saw it;
      // zoom out only when the spotlight does not fit at this zoom.
      const fits = b.width <= z.x - a.x && b.height <= z.y - a.y;
      if (fits) void rf.setCenter(b.x + b.width / 2, b.y + b.height / 2, { zoom: rf.getZoom(), duration: 300 });
      else void rf.fitView({ nodes: targets.map((n) => ({ id: n.id })), padding: 0.2, duration: 300 });
    }, SETTLE_MS);
    return () => clearTimeout(t);
  }, [spot, rf]);
  return shown;
}
