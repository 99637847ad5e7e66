import type { z } from 'zod';
import type { Rng } from '../core/rng';
import type { Scenario } from '../model';
import type { NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';
import type { AutoscaleConfig } from '../scaling/autoscaleSchema';
import type { SizeName } from '../scaling/sizes';
import type { UslParams } from '../scaling/usl';
import type { EngineChange } from '../simulation';
import type { KindDeploy } from './deploy';

/** What a kind's builder may ask about the rest of the scenario. */
export interface BuildContext {
  index: number;
  /** Number of nodes in the scenario (per-client state is indexed by node index). */
  nodeCount: number;
  /** Interned ids of every path any client asks for, by path string. */
  pathIds: ReadonlyMap<string, number>;
  /** Index of the edge from this node to `to`, or -1. */
  edgeTo(to: string): number;
  /**
   * A random stream of the node's own for a kind's private draws, named by its role; call it
   * once per role and keep it (common random numbers: docs/semantics.md).
   */
  stream(role: string): Rng;
}

/**
 * What the rest of microcosm may do with a node of a kind. Every flag defaults to false;
 * the fault menu, the chaos monkey, the cycle check and the messaging checks read these
 * rather than lists of kind names.
 */
export interface KindCapabilities {
  /** It starts requests (a client): its paths are the scenario's paths, and it takes no faults. */
  source?: boolean;
  /** It has instances, so a fault can kill one of them ("kill-instance"). */
  instances?: boolean;
  /** The chaos monkey may kill its instances. */
  chaos?: boolean;
  /** A call to it does not wait for the work (a queue, a topic): it breaks a synchronous call cycle. */
  asynchronous?: boolean;
  /** Its workers can pull messages from a queue or topic (an edge from a queue may end here). */
  consumer?: boolean;
  /** A topic may fan out into it (every consumer, and queues: SNS to SQS). */
  subscriber?: boolean;
  /** It holds entries that a "flush" fault empties (a cache); no other kind takes that fault. */
  flushable?: boolean;
  /** Its platform makes and replaces its environments (a serverless function): no kill faults. */
  managed?: boolean;
}

/** A node's scaling settings: what the cost meter, the autoscaler and a resize need. */
export interface ScalingSettings {
  size: SizeName;
  usl: UslParams;
  /** Workers per instance on a small instance. */
  concurrency: number;
  autoscale: AutoscaleConfig | undefined;
}

/** Where a node's user sessions live. */
export interface SessionSettings {
  mode: 'none' | 'sticky' | 'store';
  store: string | undefined;
}

/** A readiness probe for a node that registers with a registry (null: none). */
export interface DiscoverySettings {
  healthCheck: { periodMs: number; failureThreshold: number } | null;
}

/** A problem (the scenario cannot run) found by a cross-check, at a dot path into the scenario. */
export interface CrossCheckProblem {
  path: string;
  message: string;
}

/** What a kind's cross-check may look at, and where it puts what it finds. */
export interface CrossCheckContext {
  scenario: Scenario;
  /** Kind of every node by id. */
  kindById: ReadonlyMap<string, string>;
  kindOf(name: string): KindDefinition | undefined;
  /** Every kind, in palette order. */
  kinds: readonly KindDefinition[];
  /** Whether there is an edge "from->to". */
  hasEdge(from: string, to: string): boolean;
  /** Reports a field of node `i` that names a node it must call: unknown node, or no edge to it. */
  needsEdge(path: string, from: string, to: string): void;
  problems: CrossCheckProblem[];
  warnings: string[];
}

/** The shape of a live change a kind declares for itself: a type and the node it is for. */
export interface KindChangeShape {
  type: string;
  node: string;
}

/** Live changes a kind applies itself, by change type (the station's own are the engine's). */
export type KindChangeHandlers<C extends KindChangeShape> = { [T in C['type']]: (w: World, n: NodeRt, change: Extract<C, { type: T }>) => void };

/**
 * One kind of node, in one place: its schema, how it becomes a runtime node, what it can do,
 * which of its fields change while a run goes on, what it checks against the rest of the
 * scenario and what it adds to the report. Registered once in `kinds/index.ts`; the scenario
 * schema, the palette, the inspector, live edits, faults, scaling, discovery, sessions and
 * cross-checks all read that list. See README.md here.
 */
export interface KindDefinition<S extends z.ZodType = z.ZodType, C extends KindChangeShape = never> {
  /** The `kind` literal in scenario files. */
  kind: string;
  title: string;
  /** One sentence for the palette and docs. */
  description: string;
  schema: S;
  /** Whether the node may make calls (have outgoing edges) and be called. */
  canCall: boolean;
  canBeCalled: boolean;
  capabilities: KindCapabilities;
  /** A node made when a person drops this kind on the canvas. */
  example(id: string): z.input<S>;
  build(node: z.output<S>, ctx: BuildContext): NodeRt;
  /**
   * Nodes it calls by its own rules (a gateway's auth service): their edges are left out of
   * the calls a request makes by default (`n.out`).
   */
  ownCalls?(node: z.output<S>): readonly string[];
  /**
   * Fields a running simulation can change without a restart: field name to the live change
   * that applies its new value (`undefined` when the field was taken out), or null when this
   * particular edit needs a restart after all. An edit to any other field restarts the run.
   */
  liveFields?: Record<string, (id: string, value: never, before: never) => EngineChange | C | null>;
  /**
   * Live changes this kind applies itself (a gateway's routes, a client's rate): `C`, declared
   * in the kind's folder, joins the engine's `Change` through the registry (kinds/index.ts).
   */
  changes?: KindChangeHandlers<C>;
  /** Checks of one node of this kind against the whole scenario (the edges its fields name...). */
  crossCheck?(node: z.output<S>, index: number, ctx: CrossCheckContext): void;
  /** Checks over every node of this kind at once (run after the per-node and fault checks). */
  crossCheckAll?(nodes: readonly z.output<S>[], ctx: CrossCheckContext): void;
  /** Present when the node has a size, a cost and may autoscale. */
  scaling?(node: z.output<S>): ScalingSettings;
  /** Present when the node's instances register with a registry. */
  discovery?(node: z.output<S>): DiscoverySettings;
  /** Present when the node keeps user sessions. */
  sessions?(node: z.output<S>): SessionSettings;
  /** Extra fields of a station's node in the report (`nodes[id]`); a behaviour's own come after. */
  report?(w: World, n: NodeRt): Record<string, unknown> | null;
  /**
   * How the deployment export writes a node of this kind (deploy.ts): absent for a kind that
   * is not deployed (a client, which is load). Here, not in the export, so that adding a kind
   * never edits the export.
   */
  deploy?: KindDeploy<z.output<S>>;
}

export function defineKind<S extends z.ZodType, C extends KindChangeShape = never>(def: KindDefinition<S, C>): KindDefinition<S, C> {
  return def;
}
