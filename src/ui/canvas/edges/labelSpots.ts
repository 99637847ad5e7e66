import { createContext, useContext, useMemo } from 'react';
import { getBezierPath, Position } from '@xyflow/react';
import { edgeKey } from '../../../engine/calls/edgeSchema';
import type { Scenario } from '../../../store/types';
import type { FlowEdge, FlowNode } from '../types';
import { labelBox, MIDDLE, parseCurve, placeLabels, roomAround, spotCentre, union, type Box, type LabelRequest, type LabelSpot } from './labelPlacement';

/**
 * A label's size in flow units as drawn (rate and p99 lines, plus the breaker line on a call
 * with a circuit breaker), at the normal and the projector type. Fixed sizes, not measured
 * ones: a label whose numbers change width must not hop along its edge ten times a second.
 */
const LABEL = { width: 74, line: 12.6, pad: 5, breaker: 18 };
/** Room for part of the error line that a failing call adds. */
const ERROR_ROOM = 6;
const PROJECTOR_SCALE = 12.5 / 10.5;
/** Handles stick out of a node's side by half their width. */
const HANDLE_OUT = 5;

/** Edge id → where its label goes. */
const LabelSpots = createContext<ReadonlyMap<string, LabelSpot>>(new Map());
export const LabelSpotsProvider = LabelSpots.Provider;
export const useLabelSpot = (id: string): LabelSpot => useContext(LabelSpots).get(id) ?? MIDDLE;

const boxOf = (n: FlowNode): Box | null =>
  n.measured?.width && n.measured.height ? { x: n.position.x, y: n.position.y, width: n.measured.width, height: n.measured.height } : null;

export interface PlacedLabels {
  spots: ReadonlyMap<string, LabelSpot>;
  /** The box around every label, so a fit can keep labels moved off their edges in view. */
  extent: Box | null;
}

/**
 * Label spots for the canvas, recomputed when nodes move or change size or the canvas changes
 * shape (`aspect`: the room a fitted view leaves around the nodes). The same spots keep the
 * same objects, so edges do not redraw when a node is only selected.
 */
export function useLabelSpots(nodes: readonly FlowNode[], edges: readonly FlowEdge[], scEdges: Scenario['edges'], projector: boolean, aspect: number): PlacedLabels {
  const key = useMemo(() => {
    const boxes = new Map<string, Box>();
    for (const n of nodes) {
      const b = boxOf(n);
      if (b) boxes.set(n.id, b);
    }
    const scale = projector ? PROJECTOR_SCALE : 1;
    const breakers = new Set(scEdges.filter((e) => e.circuitBreaker).map((e) => edgeKey(e.from, e.to)));
    const requests: LabelRequest[] = [];
    for (const e of edges) {
      const s = boxes.get(e.source);
      const t = boxes.get(e.target);
      if (!s || !t) continue;
      const [d] = getBezierPath({
        sourceX: s.x + s.width + HANDLE_OUT, sourceY: s.y + s.height / 2, sourcePosition: Position.Right,
        targetX: t.x - HANDLE_OUT, targetY: t.y + t.height / 2, targetPosition: Position.Left,
      });
      const curve = parseCurve(d);
      if (!curve) continue;
      const height = 2 * LABEL.line + LABEL.pad + ERROR_ROOM + (breakers.has(e.id) ? LABEL.breaker : 0);
      requests.push({ id: e.id, curve, width: LABEL.width * scale, height: height * scale });
    }
    const nodeBoxes = [...boxes.values()];
    const bounds = union(nodeBoxes);
    const spots = placeLabels(requests, nodeBoxes, bounds && roomAround(bounds, aspect));
    const extent = union(requests.flatMap((r) => {
      const spot = spots.get(r.id);
      return spot ? [labelBox(spotCentre(r.curve, spot), r.width, r.height)] : [];
    }));
    return JSON.stringify({ spots: [...spots], extent });
  }, [nodes, edges, scEdges, projector, aspect]);
  return useMemo(() => {
    const { spots, extent } = JSON.parse(key) as { spots: [string, LabelSpot][]; extent: Box | null };
    return { spots: new Map(spots), extent };
  }, [key]);
}
