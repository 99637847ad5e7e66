/** Room a node takes on the canvas, with a margin (flow units; nodes are about 190 x 90). */
const W = 210;
const H = 110;

/** Node-sized steps around a point, nearest first. */
const STEPS = Array.from({ length: 81 }, (_, k) => [(k % 9) - 4, Math.floor(k / 9) - 4] as const)
  .sort((a, b) => Math.hypot(a[0] * W, a[1] * H) - Math.hypot(b[0] * W, b[1] * H));

/**
 * The nearest place to `p` (a node's top-left corner) where a new node covers no other: `p`
 * itself when it is free. For kinds added with a press, which land in the middle of the view,
 * where a node usually is already.
 */
export function freeSpot(taken: readonly { x: number; y: number }[], p: { x: number; y: number }): { x: number; y: number } {
  for (const [i, j] of STEPS) {
    const q = { x: p.x + i * W, y: p.y + j * H };
    if (taken.every((t) => Math.abs(t.x - q.x) >= W || Math.abs(t.y - q.y) >= H)) return q;
  }
  return p;
}
