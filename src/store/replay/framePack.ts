/**
 * Frames packed for the run history: a frame's numbers go into one Float64Array and the rest
 * (keys, strings, flags) into a shape shared by every frame that has the same layout. An hour
 * of the shop is 3600 frames of a few hundred numbers each; as plain objects they would take
 * about twice the memory.
 */
import type { ReplayFrame } from '../../worker/protocol';

/** A frame with its numbers taken out: a number's place holds NUM. */
type Shape = unknown;
const NUM = 0;

export interface PackedFrame {
  tMs: number;
  shape: Shape;
  nums: Float64Array;
}

function strip(v: unknown, nums: number[]): Shape {
  if (typeof v === 'number') {
    nums.push(v);
    return NUM;
  }
  if (Array.isArray(v)) return v.map((x) => strip(x, nums));
  if (v && typeof v === 'object') {
    const out: Record<string, Shape> = {};
    for (const [k, x] of Object.entries(v)) out[k] = strip(x, nums);
    return out;
  }
  return v;
}

function fill(shape: Shape, nums: Float64Array, at: { i: number }): unknown {
  if (shape === NUM) return nums[at.i++];
  if (Array.isArray(shape)) return shape.map((x) => fill(x, nums, at));
  if (shape && typeof shape === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(shape)) out[k] = fill(x, nums, at);
    return out;
  }
  return shape;
}

/** Packs frames, sharing one shape object among frames of the same layout. */
export class FramePacker {
  private shapes = new Map<string, Shape>();

  pack(f: ReplayFrame): PackedFrame {
    const nums: number[] = [];
    const stripped = strip({ clients: f.clients, nodes: f.nodes, edges: f.edges }, nums);
    const key = JSON.stringify(stripped);
    let shape = this.shapes.get(key);
    if (shape === undefined) {
      shape = stripped;
      this.shapes.set(key, shape);
    }
    return { tMs: f.tMs, shape, nums: Float64Array.from(nums) };
  }

  clear(): void {
    this.shapes.clear();
  }

  get shapeCount(): number {
    return this.shapes.size;
  }
}

export function unpack(p: PackedFrame): ReplayFrame {
  const { clients, nodes, edges } = fill(p.shape, p.nums, { i: 0 }) as Omit<ReplayFrame, 'tMs'>;
  return { tMs: p.tMs, clients, nodes, edges };
}
