import type { Xoshiro128 } from '../core/rng';
import { sample, type Sampler } from '../core/sampler';
import { Histogram } from '../metrics/histogram';
import type { RateProfile } from '../kinds/client/rateProfile';
import { FAILURE_COUNT, INST_GONE } from './codes';
import type { Instance } from './instance';
import type { NodeBehaviour } from '../kinds/behaviour';
import type { StationHooks } from '../kinds/stationHooks';
import type { World } from './world';

/** Chooses the instance for a request, or -1; may return an instance that is not ready (stale view). */
export interface InstancePicker {
  pick(w: World, n: NodeRt, j: number): number;
  /** Sessions lost so far, for a picker that pins sessions to instances (sticky sessions). */
  readonly lost?: number;
}

/** What a client node needs at run time: its load and what it has seen. */
export class ClientRt {
  open = true;
  poisson = true;
  profile: RateProfile | null = null;
  rate = 0;
  /** Bumped when the rate changes, which makes the already scheduled arrival stale. */
  arrivalGen = 0;
  lastArrivalMs = 0;
  users = 0;
  think: Sampler | null = null;
  /** Cumulative path weights and the interned path ids they stand for. */
  pathCum = new Float64Array(0);
  pathIds = new Int32Array(0);
  /** Own random streams (runtime/streams.ts): arrival gaps and think times; path picks. */
  rngArrivals!: Xoshiro128;
  rngPaths!: Xoshiro128;

  sent = 0;
  ok = 0;
  failed = 0;
  readonly failedBy = new Float64Array(FAILURE_COUNT);
  /** Send to answer of the successful requests; failed ones go to {@link failedLatency}. */
  readonly latency = new Histogram();
  readonly failedLatency = new Histogram();

  /** This simulated second only, for the time series (latency: of the successful requests). */
  secAnswers = 0;
  secFailed = 0;
  readonly secFailedBy = new Float64Array(FAILURE_COUNT);
  readonly secLatency = new Histogram();
  /** Never reset (a warm-up leaves them be): the live view's rates are differences of these. */
  liveAnswers = 0;
  liveFailed = 0;

  resetStats(): void {
    this.sent = this.ok = this.failed = 0;
    this.failedBy.fill(0);
    this.latency.reset();
    this.failedLatency.reset();
  }
}

/**
 * A node at run time. One class for every kind keeps the hot path's property loads
 * monomorphic; fields a kind does not use stay at their defaults.
 */
export class NodeRt {
  client: ClientRt | null = null;
  /** Kinds that are not plain stations (queues, topics, sagas, registries) bring their own rules. */
  behaviour: NodeBehaviour | null = null;
  /** Kind-specific state, owned by the behaviour. */
  state: unknown = null;
  /** The kind's extra report fields (its definition's `report`), set when the world is built. */
  kindReport: ((w: World, n: NodeRt) => Record<string, unknown> | null) | null = null;
  /** Called when a worker frees up or an instance becomes ready (queues feeding this node pull then). */
  capacityListeners: ((w: World) => void)[] | null = null;
  /** Service discovery through a registry: which instances callers can see. Null = ideal, instant. */
  discovery: InstancePicker | null = null;
  /** Sticky sessions: pins a user to an instance. */
  sessions: InstancePicker | null = null;
  /** Called when an instance becomes ready (it registers with a registry then). */
  onReady: ((w: World, n: NodeRt, instance: number) => void) | null = null;
  /** Called when an instance crashes or is removed. */
  onDown: ((w: World, n: NodeRt, instance: number) => void) | null = null;

  /** Outgoing edges in scenario order, and whether they are called in parallel. */
  out = new Int32Array(0);
  parallel = false;
  /** A station with a twist (a gateway's rate limit, auth and routes): its kind's hooks. */
  stationHooks: StationHooks | null = null;
  /** For a service with operations: operation per path id (-1 = 404), and each one's work and calls. */
  opOf: Int32Array | null = null;
  opService: Sampler[] = [];
  opOut: Int32Array[] = [];

  instances: Instance[] = [];
  readyCount = 0;
  crashedCount = 0;
  workers = 1;
  queueCap = 0;
  service: Sampler | null = null;
  /** Multiplies every service time: the slowdown faults in force (each instance adds its size's factor). */
  serviceFactor = 1;
  /** The size's service-time factors by busy workers that new instances get (null: 1 at every load). */
  sizeFactors: Float64Array | null = null;
  /** Faults in force: the share of requests answered 500, added latency, black hole. */
  faultErrorRate = 0;
  /** The rates of the error faults in force; they fail requests independently of each other. */
  faultErrorRates: number[] = [];
  faultLatency: Sampler[] = [];
  blackholes = 0;
  /** Faults in force that the short path does not look for (error, latency, black hole): see faults/types.ts `slowPath`. */
  slowPathFaults = 0;
  slowdowns: number[] = [];
  /** Requests an admit hook refused with a rate limit's 429. */
  rateLimited = 0;
  lb = 0;
  readonly lbState = { rr: 0 };
  startupMs = 0;
  /**
   * Own random streams (runtime/streams.ts): service times; instance picks (balancer or
   * discovery's list); the faults' added latency and errors; a gateway's route splits; and
   * whatever the kind draws for itself (a registry's timer phases).
   */
  rngService!: Xoshiro128;
  rngBalancer!: Xoshiro128;
  rngFaults!: Xoshiro128;
  rngRoutes!: Xoshiro128;
  rngKind!: Xoshiro128;

  arrivals = 0;
  completed = 0;
  rejected = 0;
  failed = 0;
  responseSum = 0;

  /** Time integrals since the start, for utilization and mean queue length. */
  lastT = 0;
  busy = 0;
  queued = 0;
  capacity = 0;
  busyArea = 0;
  queueArea = 0;
  capArea = 0;
  /** Integrals at the last tick and at the last warm-up reset. */
  tickBusyArea = 0;
  tickQueueArea = 0;
  tickCapArea = 0;
  /** Ready instances integrated over time, and the replica count when the current series point opened. */
  readyArea = 0;
  lastReadyT = 0;
  tickReadyArea = 0;
  replicasAtTick = -1;
  baseBusyArea = 0;
  baseQueueArea = 0;
  baseCapArea = 0;
  baseT = 0;
  secCompleted = 0;
  /**
   * Never reset: the live view's rates are differences of these (metrics/liveWindow.ts).
   * `livePassedOn` counts failed answers whose failure came from one of the node's own calls.
   */
  liveArrivals = 0;
  liveCompleted = 0;
  liveFailed = 0;
  livePassedOn = 0;
  /** p99 of the calls into this node over the last whole simulated second (when the live view asks). */
  liveP99Ms = 0;
  /** First of this node's channels in the run's series store. */
  seriesBase = 0;

  /**
   * True while nothing unusual applies (no kind behaviour, fault, limit, operations, sticky
   * sessions or discovery): arrivals then take the short path. Call {@link refreshPlain}
   * after changing any of those.
   */
  plain = true;
  /** Plain, and its requests make no calls: a request's end of service is its answer. */
  plainLeaf = true;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly kind: string,
  ) {}

  /** Whether the error faults in force fail this request: one draw from the node's faults stream, and none without a fault. */
  failsByFault(): boolean {
    return this.faultErrorRate > 0 && this.rngFaults.next() < this.faultErrorRate;
  }

  /** The latency faults in force add to one request, drawn from the node's faults stream. */
  faultDelayMs(): number {
    let t = 0;
    for (const s of this.faultLatency) t += sample(s, this.rngFaults);
    return t;
  }

  refreshPlain(): void {
    const hooks = this.stationHooks;
    this.plain = this.behaviour === null && this.slowPathFaults === 0 && this.opOf === null && (hooks === null || hooks.admit === null)
      && this.sessions === null && this.discovery === null;
    this.plainLeaf = this.plain && this.client === null && (hooks === null || hooks.beginCalls === null) && this.out.length === 0;
  }

  /** Brings the time integrals up to `now`; call before busy, queued or capacity change. */
  touch(now: number): void {
    const dt = now - this.lastT;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      this.queueArea += this.queued * dt;
      this.capArea += this.capacity * dt;
      this.lastT = now;
    }
  }

  /** Instances that exist: starting, ready, crashed (awaiting restart) or draining. */
  replicas(): number {
    let n = 0;
    for (const inst of this.instances) if (inst.state !== INST_GONE) n++;
    return n;
  }

  readyReplicas(): number {
    return this.readyCount;
  }

  /**
   * Brings the ready-instance integral up to `now`. Kept out of {@link touch} (which runs for
   * every request) because the ready count changes only when instances come and go: call it
   * before changing `readyCount`.
   */
  touchReady(now: number): void {
    this.readyArea += this.readyCount * (now - this.lastReadyT);
    this.lastReadyT = now;
  }

  /** Counts an answer the node gave to a request that arrived at `arrivedAt`. */
  countAnswer(now: number, arrivedAt: number, cause: number): void {
    this.completed++;
    this.secCompleted++;
    this.liveCompleted++;
    if (cause !== 0) {
      this.failed++;
      this.liveFailed++;
    }
    this.responseSum += now - arrivedAt;
  }

  /** Recomputes the service-time factor from the size and the slowdown faults in force. */
  refreshServiceFactor(): void {
    // The size's factor is per instance (a rolling resize mixes sizes); this is the faults' part.
    let f = 1;
    for (const x of this.slowdowns) f *= x;
    this.serviceFactor = f;
  }

  resetStats(now: number): void {
    this.touch(now);
    this.arrivals = this.completed = this.rejected = this.failed = this.responseSum = this.rateLimited = 0;
    this.baseBusyArea = this.busyArea;
    this.baseQueueArea = this.queueArea;
    this.baseCapArea = this.capArea;
    this.baseT = now;
  }
}


export { EdgeRt } from '../calls/edgeRuntime';
