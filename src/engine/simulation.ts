import type { z } from 'zod';
import { type Distribution } from './core/distributions';
import { compileDistribution } from './core/sampler';
import { kindOf, type KindOwnChange } from './kinds';
import { runUntil, step } from './core/loop';
import { configureEdge } from './calls/configure';
import { edgeKey, edgeSchema } from './calls/edgeSchema';
import { faultSchema, type FaultInput } from './faults/schema';
import type { ActiveFault } from './faults/faultBook';
import { buildReport, buildSeries, type Report, type SeriesReport } from './metrics/report';
import { takeSnapshot, type Snapshot } from './metrics/snapshot';
import type { Trace } from './metrics/tracer';
import type { Scenario } from './model';
import { buildWorld } from './runtime/build';
import type { NodeRt } from './runtime/nodeRuntime';
import { setInstances, setWorkers } from './runtime/stations';
import { startWorld } from './runtime/start';
import { DEFAULT_MAX_EVENTS, type World } from './runtime/world';
import { setAutoscale, setSize } from './scaling/attach';
import type { autoscaleSchema } from './scaling/autoscaleSchema';
import type { SizeName } from './scaling/sizes';

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's warm-up: statistics exclude this first stretch of simulated time. */
  warmupMs?: number;
  /** Stop with a message after this many events rather than run for ever. */
  maxEvents?: number;
}

/**
 * A change to any node's station or to the run that the engine applies itself: data only, so
 * the UI can send it to a worker. A kind's own live changes (a client's rate, a gateway's
 * routes) are declared in its folder and join {@link Change} through the kind registry.
 */
export type EngineChange =
  | { type: 'setInstances'; node: string; instances: number }
  | { type: 'setConcurrency'; node: string; concurrency: number }
  | { type: 'setServiceTime'; node: string; serviceTimeMs: Distribution }
  /** Replaces an edge's call settings (timeout, retry, breaker, bulkhead, fallback). A new breaker starts closed. */
  | { type: 'setEdge'; edge: z.input<typeof edgeSchema> }
  /** Resizes a service (vertical scaling): its instances restart into the new size one at a time. */
  | { type: 'setSize'; node: string; size: SizeName }
  /** Turns a service's autoscaler on with these settings (defaults for the rest), or off with null. */
  | { type: 'setAutoscale'; node: string; autoscale: z.input<typeof autoscaleSchema> | null }
  /** The scenario's length: where a player stops the run, and the report's durationMs. */
  | { type: 'setDuration'; durationMs: number };

/** A change made while the simulation runs: the engine's own, or one a kind declares. */
export type Change = EngineChange | KindOwnChange;

/**
 * A running simulation. Time only moves when you call {@link Simulation.runUntil} or
 * {@link Simulation.step}; everything is deterministic for a given scenario and seed, and
 * for the same sequence of live changes at the same simulated times.
 *
 * @example
 * const sim = createSimulation(parseScenarioOrThrow(json));
 * sim.runUntil(sim.durationMs);
 * console.log(sim.report().clients.users.latencyMs.p99);
 */
export interface Simulation {
  /** The scenario's length (a live change may set it); the simulation itself runs as far as it is asked. */
  readonly durationMs: number;
  readonly seed: number;
  /** Simulated time now, in ms. */
  now(): number;
  /** Runs all events up to tMs (inclusive); false when the event budget stopped it. */
  runUntil(tMs: number): boolean;
  /** Runs one event; false when there are none left. */
  step(): boolean;
  /** Applies a live change at the current simulated time. Throws on an unknown node or edge. */
  apply(change: Change): void;
  /** Starts a fault now (its atMs is ignored); returns an id for {@link Simulation.stopFault}. */
  startFault(fault: FaultInput): string;
  /** Ends a fault started live or by the scenario; false when it was not active. */
  stopFault(id: string): boolean;
  activeFaults(): ActiveFault[];
  /**
   * The live view: rates over the last few simulated seconds, p99s of the last whole second and
   * the current state. Cheap; what it says depends on the simulated time only, not on when or
   * how often it is called.
   */
  snapshot(): Snapshot;
  /** The full result so far. */
  report(): Report;
  /**
   * What report().series gives, without the rest of the report; with sinceMs, only the
   * trailing points that start at or after it (a live chart's window).
   */
  series(sinceMs?: number): SeriesReport;
  /** What report().traces gives: the kept traces, or undefined when the scenario does not trace. */
  traces(): Trace[] | undefined;
  /** Set when the run was stopped early (the event budget), with the reason. */
  stoppedEarly(): string | undefined;
}

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? scenario.seed;
  const warmupMs = options.warmupMs ?? scenario.warmupMs;
  const world: World = buildWorld(scenario, seed);
  world.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  startWorld(world, warmupMs);
  let seq = 0;
  let durationMs = scenario.durationMs;
  let stopped: string | undefined;

  const nodeNamed = (id: string) => {
    const n = world.nodes.find((x) => x.id === id);
    if (!n) throw new Error(`no node "${id}"`);
    return n;
  };

  return {
    get durationMs() {
      return durationMs;
    },
    seed,
    now: () => world.now,
    runUntil(tMs) {
      if (stopped) return false;
      const ok = runUntil(world, world.dispatch, tMs);
      if (!ok) stopped = `stopped after ${world.events} events (the event budget) at ${Math.round(world.now)} ms of simulated time; shorten durationMs or lower the load`;
      return ok;
    },
    step: () => step(world, world.dispatch),
    apply(change) {
      switch (change.type) {
        case 'setInstances':
          setInstances(world, nodeNamed(change.node), Math.max(0, Math.floor(change.instances)));
          return;
        case 'setConcurrency':
          setWorkers(world, nodeNamed(change.node), Math.max(1, Math.floor(change.concurrency)));
          return;
        case 'setServiceTime':
          nodeNamed(change.node).service = compileDistribution(change.serviceTimeMs);
          return;
        case 'setSize':
          setSize(world, nodeNamed(change.node), change.size);
          return;
        case 'setAutoscale':
          setAutoscale(world, nodeNamed(change.node), change.autoscale);
          return;
        case 'setDuration':
          if (!(change.durationMs > 0)) throw new Error('durationMs must be > 0');
          durationMs = change.durationMs;
          return;
        case 'setEdge': {
          const key = edgeKey(change.edge.from, change.edge.to);
          const e = world.edges.find((x) => x.key === key);
          if (!e) throw new Error(`no edge "${key}"`);
          configureEdge(e, edgeSchema.parse(change.edge));
          return;
        }
        default: {
          // The rest belong to one kind (a client's rate, a gateway's routes): its definition applies them.
          const n = nodeNamed(change.node);
          const handlers = kindOf(n.kind)?.changes as Record<string, (w: World, n: NodeRt, c: Change) => void> | undefined;
          const handler = handlers?.[change.type];
          if (!handler) throw new Error(`"${change.node}" is a ${n.kind}: it has no live ${change.type}`);
          handler(world, n, change);
        }
      }
    },
    startFault(fault) {
      const f = faultSchema.parse(fault);
      const ok = world.nodes.some((n) => n.id === f.target) || world.edges.some((e) => e.key === f.target);
      if (!ok) throw new Error(`fault target "${f.target}" is neither a node nor an edge`);
      return world.faults!.startLive(world, f);
    },
    stopFault: (id) => world.faults!.stopLive(world, id),
    activeFaults: () => world.faults!.active(),
    snapshot: () => takeSnapshot(world, ++seq),
    report: () =>
      buildReport(world, { name: scenario.name, seed, durationMs, warmupMs, warnings: [], stoppedEarly: stopped }),
    series: (sinceMs) => buildSeries(world, sinceMs === undefined ? 0 : world.series.firstFrom(sinceMs)),
    traces: () => world.tracer?.traces(),
    stoppedEarly: () => stopped,
  };
}
