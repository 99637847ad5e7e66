import { z } from 'zod';
import { type Distribution } from './core/distributions';
import { compileDistribution } from './core/sampler';
import { routeSchema, routeTargets } from './kinds/gateway/schema';
import { installRoutes } from './kinds/gateway/routing';
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
import { EV_CLIENT_RATE, INST_DRAINING, INST_READY } from './runtime/codes';
import { startWorld } from './runtime/start';
import { fillWorkers, notifyCapacity, setInstances } from './runtime/stations';
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

/** A change made while the simulation runs: data only, so the UI can send it to a worker. */
export type Change =
  | { type: 'setRps'; node: string; rps: number }
  | { type: 'spike'; node: string; multiplier: number; durationMs: number }
  | { type: 'setInstances'; node: string; instances: number }
  | { type: 'setConcurrency'; node: string; concurrency: number }
  | { type: 'setServiceTime'; node: string; serviceTimeMs: Distribution }
  /** Replaces an edge's call settings (timeout, retry, breaker, bulkhead, fallback). A new breaker starts closed. */
  | { type: 'setEdge'; edge: z.input<typeof edgeSchema> }
  /** Replaces a gateway's routes, e.g. to move traffic weights step by step (strangler fig). */
  | { type: 'setRoutes'; node: string; routes: z.input<typeof routeSchema>[] }
  /** Resizes a service (vertical scaling): its instances restart into the new size one at a time. */
  | { type: 'setSize'; node: string; size: SizeName }
  /** Turns a service's autoscaler on with these settings (defaults for the rest), or off with null. */
  | { type: 'setAutoscale'; node: string; autoscale: z.input<typeof autoscaleSchema> | null }
  /** The scenario's length: where a player stops the run, and the report's durationMs. */
  | { type: 'setDuration'; durationMs: number };

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
      const ok = runUntil(world, world.handlers, tMs);
      if (!ok) stopped = `stopped after ${world.events} events (the event budget) at ${Math.round(world.now)} ms of simulated time; shorten durationMs or lower the load`;
      return ok;
    },
    step: () => step(world, world.handlers),
    apply(change) {
      switch (change.type) {
        case 'setRps':
        case 'spike': {
          const n = nodeNamed(change.node);
          const c = n.client;
          if (!c?.profile) throw new Error(`"${change.node}" is not an open-loop client`);
          if (change.type === 'setRps') c.profile.baseOverride = Math.max(0, change.rps);
          else {
            c.profile.liveSpikeUntilMs = world.now + change.durationMs;
            c.profile.liveSpikeMultiplier = change.multiplier;
          }
          world.q.push(world.now, EV_CLIENT_RATE, n.index, 0);
          return;
        }
        case 'setInstances':
          setInstances(world, nodeNamed(change.node), Math.max(0, Math.floor(change.instances)));
          return;
        case 'setConcurrency': {
          const n = nodeNamed(change.node);
          const workers = Math.max(1, Math.floor(change.concurrency));
          n.touch(world.now);
          n.workers = workers;
          for (const inst of n.instances) {
            if (inst.state === INST_READY) n.capacity += workers - inst.workers;
            inst.workers = workers;
            if (inst.state === INST_READY || inst.state === INST_DRAINING) fillWorkers(world, n, inst);
          }
          notifyCapacity(world, n);
          return;
        }
        case 'setServiceTime':
          nodeNamed(change.node).service = compileDistribution(change.serviceTimeMs);
          return;
        case 'setRoutes': {
          const n = nodeNamed(change.node);
          if (!n.gateway) throw new Error(`"${change.node}" is not a gateway`);
          const routes = z.array(routeSchema).parse(change.routes);
          routes.forEach((r, k) => {
            if (typeof r.to !== 'string' && r.to.reduce((a, t) => a + t.weight, 0) <= 0) throw new Error(`routes[${k}].to: the split weights add up to 0`);
          });
          const edgeTo = (to: string) => {
            const e = world.edges.find((x) => x.from === n.index && world.nodes[x.to].id === to);
            if (!e) throw new Error(`no edge ${edgeKey(n.id, to)}`);
            return e.index;
          };
          installRoutes(n, routes, new Map(world.paths.map((p, id) => [p, id])), edgeTo);
          world.log.add(world.now, 'route', `${n.id} routes: ${describeRoutes(routes)}`, n.id);
          return;
        }
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
          const settings = edgeSchema.parse(change.edge);
          configureEdge(e, settings);
          return;
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

/** "/orders -> legacy 90%, orders 10%; /users -> users": a gateway's routes as the event log shows them. */
function describeRoutes(routes: readonly z.output<typeof routeSchema>[]): string {
  if (routes.length === 0) return 'none (every outgoing call is made)';
  return routes.map((r) => {
    const targets = routeTargets(r.to);
    const total = targets.reduce((a, t) => a + t.weight, 0);
    const split = targets.length === 1 ? targets[0].service : targets.map((t) => `${t.service} ${Math.round((t.weight / total) * 1000) / 10}%`).join(', ');
    return `${r.prefix} -> ${split}`;
  }).join('; ');
}
