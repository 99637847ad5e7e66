import type { Dispatch } from '../core/loop';
import { EventQueue } from '../core/eventQueue';
import { EventLog } from '../metrics/eventLog';
import { LiveWindow } from '../metrics/liveWindow';
import { SeriesStore } from '../metrics/series';
import type { Tracer } from '../metrics/tracer';
import type { FaultBook } from '../faults/faultBook';
import { EV_BREAKER_TIMER } from './codes';
import { JobPool } from './jobs';
import type { EdgeRt, NodeRt } from './nodeRuntime';

/** Default event budget: a run that would need more stops with a message instead of hanging. */
export const DEFAULT_MAX_EVENTS = 500_000_000;

/**
 * The moves of a call tree that go back up it: where a call arrives, whom its result goes
 * to, and how a finished request answers. A call tree is naturally mutually recursive (a
 * call arrives, is served, calls on, and is answered); the modules that make calls
 * (calls/pipeline, runtime/flow) reach the ones above them only through these, which
 * runtime/wiring fills at build time, so no module imports one that imports it back.
 */
export interface CallTree {
  /** A call reached its callee's node (runtime/stations). */
  arrive(w: World, j: number): void;
  /** One of request p's calls has its final result (runtime/flow). */
  onChildResult(w: World, p: number, cause: number): void;
  /** A client's own request is done (runtime/clients). */
  finishRoot(w: World, j: number, n: NodeRt, cause: number): void;
  /** A request is done at a station: free its worker and answer (runtime/stations). */
  releaseWorker(w: World, j: number, n: NodeRt, cause: number): void;
}

/**
 * The simulated world's state: nodes, edges, requests in flight, the agenda and the
 * statistics. It holds no rules: core/loop advances it by handing each event to `dispatch`,
 * and runtime/wiring wires that and `tree` to the modules that give events a meaning
 * (clients, stations, flow, calls/pipeline, faults, metrics/tick).
 *
 * Responses over an edge with zero latency are delivered within the same event, so the
 * common path of a request costs two events (arrival, end of service). The flow is written
 * so that such re-entrant delivery is safe: a parent re-checks that it is still waiting
 * (its generation and epoch) after every call it makes.
 */
export class World {
  now = 0;
  events = 0;
  maxEvents = DEFAULT_MAX_EVENTS;
  warmupMs = 0;
  lastTickMs = 0;
  readonly q = new EventQueue(4096);
  readonly jobs = new JobPool(1024);
  readonly series = new SeriesStore();
  readonly log = new EventLog();
  /** The live view's rates over the last few simulated seconds. */
  readonly live: LiveWindow;
  tracer: Tracer | null = null;
  faults: FaultBook | null = null;
  /** Called once per simulated second after the series point is closed (autoscalers, registries). */
  readonly perSecond: ((w: World) => void)[] = [];

  constructor(
    readonly nodes: NodeRt[],
    readonly edges: EdgeRt[],
    readonly paths: string[],
    /** What each event does, by its type (runtime/wiring.ts). */
    readonly dispatch: Dispatch<World>,
    readonly tree: CallTree,
  ) {
    this.live = new LiveWindow(nodes.length, edges.length);
  }

  /**
   * Arms the timer for a breaker's next timer-driven transition, if it has one. Called on
   * every state change (breakers start CLOSED, which has none), so each state gets one timer;
   * a timer that outlived its state finds nothing due when it fires.
   */
  armBreaker(e: EdgeRt): void {
    const t = e.breaker?.nextAutomaticTransitionMs() ?? Infinity;
    if (t < Infinity) this.q.push(Math.max(t, this.now), EV_BREAKER_TIMER, e.index, 0);
  }
}
