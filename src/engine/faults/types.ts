import { z } from 'zod';
import type { Sampler } from '../core/sampler';
import { MAX_DURATION_MS } from '../core/units';
import type { EdgeRt, NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';
import type { KindCapabilities } from '../kinds/types';

/** When a fault starts and for how long: fields every fault kind has. */
export const whenShape = {
  id: z.string({ error: 'id must be a string' }).min(1, 'id must not be empty').max(80).optional().describe('Names the fault (unique in the scenario): lessons use it to name its window, events carry it'),
  atMs: z.number().min(0, 'atMs must be >= 0').max(MAX_DURATION_MS).default(0).describe('When the fault starts (ms of simulated time)'),
  durationMs: z.number().positive('durationMs must be > 0').max(MAX_DURATION_MS).optional().describe('How long it lasts (ms); without it, until the run ends or it is stopped'),
  label: z.string().max(80).optional(),
};

/** What a fault kind's `target` may name. */
export type FaultTargets = 'node' | 'edge' | 'node-or-edge';

const nodeTarget = z.string({ error: 'target must name a node' }).min(1, 'target must name a node').describe('Node the fault hits');
const anyTarget = z.string({ error: 'target must name a node or an edge "a->b"' }).min(1).describe('Node, or edge "a->b"');
const targetSchema = (targets: FaultTargets, kind: string) =>
  targets === 'node' ? nodeTarget : targets === 'node-or-edge' ? anyTarget : z.string().regex(/->/, `target of a ${kind} is an edge "a->b"`);

/** The node or edge a fault hits (a world's nodes and edges never change). */
export interface FaultTarget {
  node: NodeRt | undefined;
  edge: EdgeRt | undefined;
}

/** What starting a fault changed, so that stopping it undoes exactly that. */
export interface FaultMemo {
  killed: number[];
  sampler: Sampler | null;
}

/**
 * What the runtime lends a fault kind to act with. Handed in by the fault book rather than
 * imported, so a fault kind's definition (which the scenario schema and the fault menu read)
 * does not pull the instance lifecycle into the page's first load.
 */
export interface FaultOps {
  crashInstance(w: World, n: NodeRt, i: number): void;
  restartInstance(w: World, n: NodeRt, i: number): void;
}

/** One entry of the canvas's right-click menu: a fault with classroom-sized defaults. */
export interface FaultMenuEntry {
  label: string;
  /** Place in the menu (lower first). */
  position: number;
  make(target: string): { kind: string; target: string } & Record<string, unknown>;
}

type WhenShape = typeof whenShape;
type FaultShape<K extends string, Sh extends z.ZodRawShape> = { kind: z.ZodLiteral<K>; target: z.ZodString } & WhenShape & Sh;
/** A fault of one kind as the engine holds it (defaults filled in). */
export type FaultOf<K extends string, Sh extends z.ZodRawShape> = z.output<z.ZodObject<FaultShape<K, Sh>, z.core.$strict>>;

/** A fault kind as its module writes it. */
export interface FaultSpec<K extends string, Sh extends z.ZodRawShape> {
  kind: K;
  /** Its own fields (kind, target and the timing fields are added for it). */
  shape: Sh;
  targets: FaultTargets;
  /** Only a node with instances can take it (the fault menu offers it there only). */
  needsInstances?: boolean;
  /** Only a node whose kind has this capability takes it (a flush: a cache, `flushable`). */
  needs?: keyof KindCapabilities;
  /** A node whose kind has this capability does not take it (kill faults: a function, `managed`). */
  avoids?: keyof KindCapabilities;
  /** Why a node that `needs` or `avoids` rules out cannot take it, for the cross-check's message. */
  misfit?: string;
  /** Done once started (a flush): nothing stays in force, so it is never listed as active or stopped. */
  instant?: boolean;
  /**
   * Its effect on a node is one the station's short path skips (answers failed, latency added,
   * never answered): while it is in force the node's requests take the full path.
   */
  slowPath?: boolean;
  /** What the live fault list calls it. */
  words: string;
  /** Its entries in the right-click menu of a node and of an edge. */
  menu?: { node?: FaultMenuEntry; edge?: FaultMenuEntry };
  /** The suffix of its event-log line, e.g. " (x3)". */
  describe?(f: FaultOf<K, Sh>): string;
  /** Changes the target's runtime state, keeping in `memo` what it changed. */
  start(w: World, f: FaultOf<K, Sh>, target: FaultTarget, memo: FaultMemo, ops: FaultOps): void;
  /** Undoes exactly what `start` did. */
  stop(w: World, f: FaultOf<K, Sh>, target: FaultTarget, memo: FaultMemo, ops: FaultOps): void;
}

/** A fault kind with its schema, as the registry holds it. */
export type FaultDefinition<K extends string = string, Sh extends z.ZodRawShape = z.ZodRawShape> = FaultSpec<K, Sh> & {
  schema: z.ZodObject<FaultShape<K, Sh>, z.core.$strict>;
};

/** Defines a fault kind: its scenario schema is `{ kind, target, ...when, ...shape }`. */
export function defineFault<K extends string, Sh extends z.ZodRawShape>(spec: FaultSpec<K, Sh>): FaultDefinition<K, Sh> {
  const target = targetSchema(spec.targets, spec.kind);
  const schema = z.strictObject({ kind: z.literal(spec.kind), target, ...whenShape, ...spec.shape }) as unknown as z.ZodObject<FaultShape<K, Sh>, z.core.$strict>;
  return { ...spec, schema };
}
