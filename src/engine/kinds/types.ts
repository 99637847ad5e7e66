import type { z } from 'zod';
import type { NodeRt } from '../runtime/nodeRuntime';

/** What a kind's builder may ask about the rest of the scenario. */
export interface BuildContext {
  index: number;
  /** Number of nodes in the scenario (per-client state is indexed by node index). */
  nodeCount: number;
  /** Interned ids of every path any client asks for, by path string. */
  pathIds: ReadonlyMap<string, number>;
  /** Index of the edge from this node to `to`, or -1. */
  edgeTo(to: string): number;
}

/**
 * One kind of node: its schema and how it becomes a runtime node. Registered once in
 * `kinds/index.ts`; the scenario schema, the palette and the inspector all read that list.
 */
export interface KindDefinition<S extends z.ZodType = z.ZodType> {
  /** The `kind` literal in scenario files. */
  kind: string;
  title: string;
  /** One sentence for the palette and docs. */
  description: string;
  schema: S;
  /** Whether the node may make calls (have outgoing edges) and be called. */
  canCall: boolean;
  canBeCalled: boolean;
  /** A node made when a person drops this kind on the canvas. */
  example(id: string): z.input<S>;
  build(node: z.output<S>, ctx: BuildContext): NodeRt;
}

export function defineKind<S extends z.ZodType>(def: KindDefinition<S>): KindDefinition<S> {
  return def;
}
