/**
 * Where each edge's label sits: the point of its curve nearest the middle whose label box
 * covers no node and no label placed before it; when the curve has no such point (two nodes
 * side by side leave a gap narrower than a label), the label moves up or down from the curve,
 * as little as it must, and is joined to its edge by a short leader. Data in, positions out
 * (no DOM), so it is tested on its own; the canvas runs it when nodes move or change size,
 * not on live numbers.
 */

export interface Point { x: number; y: number }
/** A box by its top-left corner. */
export interface Box { x: number; y: number; width: number; height: number }
/** A cubic Bézier: start, two control points, end (React Flow's bezier edges). */
export type Curve = readonly [Point, Point, Point, Point];

export interface LabelRequest {
  id: string;
  curve: Curve;
  width: number;
  height: number;
}

/** Curve parameters to try, from the middle outwards; the ends are left to the arrows. */
export const CANDIDATES: readonly number[] = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
/** Space kept clear around nodes and between labels. */
const GAP = 3;
/** Steps of the move away from the curve, and how far it may go (flow units). */
const SHIFT_STEP = 8;
const MAX_SHIFT = 160;

/** A label's place: `t` along the curve, then `dy` up (negative) or down from it. */
export interface LabelSpot { t: number; dy: number }
export const MIDDLE: LabelSpot = { t: 0.5, dy: 0 };

/** Shifts to try, nearest first: 0, -8, +8, -16, +16, … */
const SHIFTS: readonly number[] = [0, ...Array.from({ length: MAX_SHIFT / SHIFT_STEP }, (_, i) => (i + 1) * SHIFT_STEP).flatMap((d) => [-d, d])];

export function bezierPoint([p0, p1, p2, p3]: Curve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/** The curve of an SVG path "M x,y C x,y x,y x,y" (what getBezierPath returns); null otherwise. */
export function parseCurve(d: string): Curve | null {
  const n = d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number);
  if (!n || n.length !== 8 || !/^\s*M/.test(d) || !/C/.test(d)) return null;
  return [{ x: n[0], y: n[1] }, { x: n[2], y: n[3] }, { x: n[4], y: n[5] }, { x: n[6], y: n[7] }];
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export const labelBox = (centre: Point, width: number, height: number): Box =>
  ({ x: centre.x - width / 2, y: centre.y - height / 2, width, height });

const grow = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by });

/** Where a label at `spot` is drawn: centred on the curve point, moved by dy. */
export function spotCentre(curve: Curve, spot: LabelSpot): Point {
  const p = bezierPoint(curve, spot.t);
  return { x: p.x, y: p.y + spot.dy };
}

const inside = (b: Box, area: Box | null) =>
  !area || (b.x >= area.x && b.y >= area.y && b.x + b.width <= area.x + area.width && b.y + b.height <= area.y + area.height);

/** The box around all of them; null for none. */
export function union(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

/**
 * The room a fitted view shows around the nodes: their bounds widened (or heightened) to the
 * canvas's shape, less a margin. A label moved off its edge stays in this room, so it never
 * makes the fitted drawing smaller.
 */
export function roomAround(nodes: Box, aspect: number, margin = 8): Box {
  const wide = nodes.width / Math.max(nodes.height, 1) > aspect;
  const width = wide ? nodes.width : nodes.height * aspect;
  const height = wide ? nodes.width / aspect : nodes.height;
  const r = { x: nodes.x - (width - nodes.width) / 2, y: nodes.y - (height - nodes.height) / 2, width, height };
  return { x: r.x + margin, y: r.y + margin, width: Math.max(0, r.width - 2 * margin), height: Math.max(0, r.height - 2 * margin) };
}

/**
 * Places labels one after another (in the order given, so the result is stable): each takes
 * the first spot, nearest its curve and then nearest the middle, that is clear of every node
 * and every earlier label, moving off the curve only within `room` (by default the nodes' own
 * bounds); when no spot is clear, the spot on the curve with the least covered area. Returns a
 * spot per edge id (a curve parameter, not a point, so a label follows its edge's exact path
 * when drawn).
 */
export function placeLabels(labels: readonly LabelRequest[], nodes: readonly Box[], room: Box | null = union(nodes)): Map<string, LabelSpot> {
  const obstacles = nodes.map((n) => grow(n, GAP));
  const placed: Box[] = [];
  const out = new Map<string, LabelSpot>();
  const cost = (box: Box) => {
    let c = 0;
    for (const o of obstacles) c += overlap(box, o);
    for (const p of placed) c += overlap(box, p);
    return c;
  };
  for (const l of labels) {
    let best: { spot: LabelSpot; box: Box; cost: number } | null = null;
    search: for (const dy of SHIFTS) {
      for (const t of CANDIDATES) {
        const box = labelBox(spotCentre(l.curve, { t, dy }), l.width, l.height);
        if (dy !== 0 && !inside(box, room)) continue;
        const c = cost(box);
        if (c === 0) {
          best = { spot: { t, dy }, box, cost: 0 };
          break search;
        }
        // Off the curve only when it clears everything; on it, the least covered spot.
        if (dy === 0 && (!best || c < best.cost)) best = { spot: { t, dy }, box, cost: c };
      }
    }
    if (!best) continue;
    out.set(l.id, best.spot);
    placed.push(grow(best.box, GAP));
  }
  return out;
}
