import { describe, expect, it } from 'vitest';
import { bezierPoint, labelBox, parseCurve, placeLabels, roomAround, spotCentre, type Box, type Curve, type LabelRequest, type LabelSpot } from './labelPlacement';

/** A straight curve from a to b (control points on the line), like a short horizontal edge. */
const line = (ax: number, ay: number, bx: number, by: number): Curve => [
  { x: ax, y: ay }, { x: ax + (bx - ax) / 3, y: ay + (by - ay) / 3 }, { x: ax + (2 * (bx - ax)) / 3, y: ay + (2 * (by - ay)) / 3 }, { x: bx, y: by },
];
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxOf = (l: LabelRequest, spot: LabelSpot) => labelBox(spotCentre(l.curve, spot), l.width, l.height);

describe('edge label placement', () => {
  it('reads the curve React Flow draws and finds points on it', () => {
    const c = parseCurve('M10,20 C60,20 40,80 90,80')!;
    expect(c).toEqual([{ x: 10, y: 20 }, { x: 60, y: 20 }, { x: 40, y: 80 }, { x: 90, y: 80 }]);
    expect(bezierPoint(c, 0)).toEqual({ x: 10, y: 20 });
    expect(bezierPoint(c, 1)).toEqual({ x: 90, y: 80 });
    expect(bezierPoint(c, 0.5)).toEqual({ x: 50, y: 50 });
    expect(parseCurve('M0,0 L10,10')).toBeNull();
  });

  it('keeps a label in the middle of its edge when nothing is in the way', () => {
    const l = { id: 'a->b', curve: line(0, 0, 300, 0), width: 70, height: 30 };
    expect(placeLabels([l], [])).toEqual(new Map([['a->b', { t: 0.5, dy: 0 }]]));
  });

  it('moves a label off a node that sits over the middle of its edge', () => {
    // gateway -> orders in the retry storm: the edge passes behind a node on its way.
    const node: Box = { x: 170, y: -40, width: 60, height: 80 };
    const l = { id: 'gateway->orders', curve: line(0, 0, 400, 0), width: 70, height: 30 };
    const spot = placeLabels([l], [node]).get(l.id)!;
    // Still on its edge: a step along the curve is enough.
    expect(spot.dy).toBe(0);
    expect(spot.t).not.toBe(0.5);
    expect(overlaps(boxOf(l, spot), node)).toBe(false);
  });

  it('keeps labels of edges that share their middle apart', () => {
    // Two edges from one source fanning out to close targets: their middles nearly coincide.
    const a = { id: 'gw->a', curve: line(0, 100, 250, 90), width: 70, height: 30 };
    const b = { id: 'gw->b', curve: line(0, 100, 250, 110), width: 70, height: 30 };
    const spots = placeLabels([a, b], []);
    expect(spots.get('gw->a')).toEqual({ t: 0.5, dy: 0 });
    expect(spots.get('gw->b')!.dy).toBe(0);
    expect(overlaps(boxOf(a, spots.get('gw->a')!), boxOf(b, spots.get('gw->b')!))).toBe(false);
  });

  it('moves a label just clear of two nodes whose gap is narrower than the label, where the view has room', () => {
    // gateway -> orders in the retry storm: two nodes side by side, 50 units apart, in a wide
    // canvas that shows plenty of room above and below them.
    const gateway: Box = { x: 0, y: 0, width: 190, height: 90 };
    const orders: Box = { x: 240, y: 0, width: 190, height: 90 };
    const l = { id: 'gateway->orders', curve: line(195, 45, 235, 45), width: 74, height: 30 };
    const room = roomAround({ x: 0, y: 0, width: 430, height: 90 }, 16 / 9);
    const spot = placeLabels([l], [gateway, orders], room).get(l.id)!;
    const box = boxOf(l, spot);
    expect(overlaps(box, gateway) || overlaps(box, orders)).toBe(false);
    // Above the nodes, as near as it can be: its bottom within a step of their top.
    expect(spot.dy).toBeLessThan(0);
    expect(box.y + box.height).toBeGreaterThan(-3 - 8);
    expect(box.y + box.height).toBeLessThanOrEqual(-3);
  });

  it('does not move a label off its edge beyond the room the fitted view shows', () => {
    // The same pair in a canvas as wide as they are: no room above or below, so the label
    // stays on its edge (drawn over the nodes' borders) rather than shrinking the whole view.
    const gateway: Box = { x: 0, y: 0, width: 190, height: 90 };
    const orders: Box = { x: 240, y: 0, width: 190, height: 90 };
    const l = { id: 'gateway->orders', curve: line(195, 45, 235, 45), width: 74, height: 30 };
    const room = roomAround({ x: 0, y: 0, width: 430, height: 90 }, 430 / 90);
    expect(placeLabels([l], [gateway, orders], room).get(l.id)).toEqual({ t: 0.5, dy: 0 });
  });

  it('widens the nodes\' bounds to the canvas\'s shape for the room', () => {
    expect(roomAround({ x: 0, y: 0, width: 400, height: 100 }, 2, 0)).toEqual({ x: 0, y: -50, width: 400, height: 200 });
    expect(roomAround({ x: 0, y: 0, width: 100, height: 100 }, 2, 0)).toEqual({ x: -50, y: 0, width: 200, height: 100 });
  });

  it('takes the least covered point on the curve when nothing nearby is clear, and says the same each time', () => {
    const wall: Box = { x: -50, y: -500, width: 500, height: 1000 };
    const l = { id: 'x->y', curve: line(0, 0, 400, 0), width: 70, height: 30 };
    const first = placeLabels([l], [wall]);
    expect(first.get('x->y')).toEqual({ t: 0.5, dy: 0 });
    expect(placeLabels([l], [wall])).toEqual(first);
  });
});
