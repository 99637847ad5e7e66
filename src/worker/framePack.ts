/**
 * Frames of the live view packed for the replay history: a frame's numbers go into one
 * Float64Array and the rest (keys, strings, flags, array lengths) into a layout ("shape")
 * that every frame with the same layout shares and that is sent to the page once. The worker
 * packs (a frame a simulated second, so this must stay cheap: one walk that compares with the
 * last layout while it collects the numbers); the page keeps the packed frames (an hour of the
 * shop in a few MB) and unpacks the one it shows.
 */
import type { ReplayFrame } from './protocol';

/** A frame with its numbers taken out: a number's place holds NUM. */
export type Shape = unknown;
const NUM = 0;

export interface PackedFrame {
  tMs: number;
  /** The id of its shape (see {@link ShapeBook}). */
  shape: number;
  nums: Float64Array;
}

export interface NewShape {
  id: number;
  shape: Shape;
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

/** Collects v's numbers while checking that v has the layout `shape`; false at the first difference. */
function matches(v: unknown, shape: Shape, nums: number[]): boolean {
  if (typeof v === 'number') {
    nums.push(v);
    return shape === NUM;
  }
  if (Array.isArray(v)) {
    if (!Array.isArray(shape) || shape.length !== v.length) return false;
    for (let i = 0; i < v.length; i++) if (!matches(v[i], shape[i], nums)) return false;
    return true;
  }
  if (v && typeof v === 'object') {
    if (!shape || typeof shape !== 'object' || Array.isArray(shape)) return false;
    const s = shape as Record<string, Shape>;
    let n = 0;
    for (const k in v) {
      if (!(k in s) || !matches((v as Record<string, unknown>)[k], s[k], nums)) return false;
      n++;
    }
    return n === Object.keys(s).length;
  }
  return v === shape;
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

/** The worker's side: packs frames and remembers which shapes the page has not had yet. */
export class FramePacker {
  private byKey = new Map<string, number>();
  private last: { id: number; shape: Shape } | null = null;
  private fresh: NewShape[] = [];
  private nextId = 1;

  pack(f: ReplayFrame): PackedFrame {
    const picture = { clients: f.clients, nodes: f.nodes, edges: f.edges };
    let nums: number[] = [];
    if (this.last && matches(picture, this.last.shape, nums)) return { tMs: f.tMs, shape: this.last.id, nums: Float64Array.from(nums) };
    nums = [];
    const shape = strip(picture, nums);
    const key = JSON.stringify(shape);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.nextId++;
      this.byKey.set(key, id);
      this.fresh.push({ id, shape });
    }
    this.last = { id, shape };
    return { tMs: f.tMs, shape: id, nums: Float64Array.from(nums) };
  }

  /** Shapes first used since the last call, for the page's {@link ShapeBook}. */
  takeNewShapes(): NewShape[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }

  /** A new run: the page starts a new book, so every shape is sent again. */
  clear(): void {
    this.byKey.clear();
    this.last = null;
    this.fresh = [];
  }
}

/** The page's side: the shapes of the run, and frames unpacked with them. */
export class ShapeBook {
  private shapes = new Map<number, Shape>();

  add(shapes: readonly NewShape[]): void {
    for (const s of shapes) this.shapes.set(s.id, s.shape);
  }

  clear(): void {
    this.shapes.clear();
  }

  get size(): number {
    return this.shapes.size;
  }

  unpack(p: PackedFrame): ReplayFrame {
    const shape = this.shapes.get(p.shape);
    if (shape === undefined) throw new Error(`replay frame at ${p.tMs} ms has an unknown layout ${p.shape}`);
    const { clients, nodes, edges } = fill(shape, p.nums, { i: 0 }) as Omit<ReplayFrame, 'tMs'>;
    return { tMs: p.tMs, clients, nodes, edges };
  }
}
