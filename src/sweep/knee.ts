/**
 * The knee of a curve: the point where it bends most, found as the Kneedle method does (Satopää
 * et al., 2011). Both axes are scaled to 0..1 and the knee is the point farthest from the
 * straight line joining the first point to the last. It finds where latency starts to climb
 * as the load grows, and where one more instance stops buying much.
 */

/** Below this distance (in the 0..1 square) the curve is as good as straight: no knee. */
const MIN_BEND = 0.08;

export function kneeIndex(points: readonly { x: number; y: number }[]): number | null {
  if (points.length < 3) return null;
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (!(x1 > x0) || !(y1 > y0) || !ys.every(Number.isFinite)) return null;
  const nx = (x: number) => (x - x0) / (x1 - x0), ny = (y: number) => (y - y0) / (y1 - y0);
  const a = { x: nx(xs[0]), y: ny(ys[0]) }, b = { x: nx(xs[xs.length - 1]), y: ny(ys[ys.length - 1]) };
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  let best = -1, at: number | null = null;
  for (let i = 1; i < points.length - 1; i++) {
    const d = Math.abs((b.x - a.x) * (a.y - ny(ys[i])) - (a.x - nx(xs[i])) * (b.y - a.y)) / len;
    if (d > best) [best, at] = [d, i];
  }
  return best >= MIN_BEND ? at : null;
}
