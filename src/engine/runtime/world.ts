import { sample } from '../core/distributions';
import { EventQueue } from '../core/eventQueue';
import type { Xoshiro128 } from '../core/rng';
import { SeriesStore } from '../metrics/series';
import {
  EV_CLIENT_ARRIVAL, EV_CLIENT_RATE, EV_DELIVER, EV_INSTANCE_READY, EV_RESPONSE, EV_SERVICE_DONE, EV_THINK_DONE,
  EV_TICK, EV_TIMEOUT, EV_WARMUP_END, FAIL_NOT_FOUND, FAIL_REJECTED, FAIL_TIMEOUT, INST_READY, INST_STARTING, OK,
} from './codes';
import { Instance } from './instance';
import { JobPool } from './jobs';
import { pickInstance } from './loadBalancer';
import { ClientRt, EdgeRt, NodeRt, ROLE_CLIENT } from './nodeRuntime';

export const TICK_MS = 1000;
/** Default event budget: a run that would need more stops with a message instead of hanging. */
export const DEFAULT_MAX_EVENTS = 500_000_000;

/** Series channels per client and per node, in this order from their `seriesBase`. */
export const CLIENT_CHANNELS = ['throughput', 'latencyP99Ms', 'errorRate'] as const;
export const NODE_CHANNELS = ['replicas', 'readyReplicas', 'utilization', 'queueLength', 'throughput'] as const;

/**
 * The simulated world: nodes, edges, requests in flight and the agenda, and the rules by
 * which a request moves. A request (a "job") is at one node at a time; a node's outgoing
 * calls create child jobs at the callee, and the caller's worker stays held until they
 * answer, as in a thread-per-request server.
 *
 * Responses over an edge with zero latency are delivered within the same event, so the
 * common path of a request costs two events (arrival, end of service). The code is written
 * so that such re-entrant delivery is safe: a parent re-checks that it is still waiting
 * (its generation and epoch) after every call it makes.
 */
export class World {
  now = 0;
  events = 0;
  maxEvents = DEFAULT_MAX_EVENTS;
  budgetExceeded = false;
  warmupMs = 0;
  readonly q = new EventQueue(4096);
  readonly jobs = new JobPool(1024);
  readonly series = new SeriesStore();
  readonly clients: NodeRt[];
  private lastTickMs = 0;

  constructor(
    readonly nodes: NodeRt[],
    readonly edges: EdgeRt[],
    readonly paths: string[],
    readonly rng: Xoshiro128,
  ) {
    this.clients = nodes.filter((n) => n.role === ROLE_CLIENT);
    for (const c of this.clients) {
      c.seriesBase = this.series.addChannel('ratio');
      this.series.addChannel('max');
      this.series.addChannel('ratio');
    }
    for (const n of nodes) {
      if (n.role === ROLE_CLIENT) continue;
      n.seriesBase = this.series.addChannel('ratio');
      for (let k = 1; k < NODE_CHANNELS.length; k++) this.series.addChannel('ratio');
    }
  }

  /** Schedules what happens by itself: arrivals, users, ticks, the end of warm-up. */
  start(warmupMs: number): void {
    this.warmupMs = warmupMs;
    for (const n of this.nodes) {
      n.capacity = n.readyCount * n.workers;
      const c = n.client;
      if (!c) continue;
      if (c.open) {
        c.rate = c.profile!.rateAt(0);
        this.scheduleArrival(n, c, 0);
        const change = c.profile!.nextChangeMs(0);
        if (change < Infinity) this.q.push(change, EV_CLIENT_RATE, n.index, 0);
      } else {
        // Users start at a random point of a think time, so they do not all fire at t = 0.
        for (let u = 0; u < c.users; u++) this.q.push(sample(c.think!, this.rng), EV_THINK_DONE, n.index, 0);
      }
    }
    this.q.push(TICK_MS, EV_TICK, 0, 0);
    if (warmupMs > 0) this.q.push(warmupMs, EV_WARMUP_END, 0, 0);
  }

  /** Runs every event up to and including tEnd; false if the event budget ran out first. */
  runUntil(tEnd: number): boolean {
    const q = this.q;
    const budget = this.maxEvents;
    while (q.size > 0 && q.peekTime() <= tEnd) {
      if (this.events >= budget) {
        this.budgetExceeded = true;
        return false;
      }
      q.pop();
      this.events++;
      this.now = q.time;
      this.dispatch(q.type, q.a, q.b);
    }
    if (tEnd > this.now && tEnd < Infinity) this.now = tEnd;
    return true;
  }

  /** Runs the next event; false when there is none. */
  step(): boolean {
    if (this.q.size === 0) return false;
    this.q.pop();
    this.events++;
    this.now = this.q.time;
    this.dispatch(this.q.type, this.q.a, this.q.b);
    return true;
  }

  private dispatch(type: number, a: number, b: number): void {
    switch (type) {
      case EV_CLIENT_ARRIVAL: {
        const n = this.nodes[a];
        const c = n.client!;
        if (b !== c.arrivalGen) return;
        c.lastArrivalMs = this.now;
        this.scheduleArrival(n, c, this.now);
        this.sendRequest(n, c);
        return;
      }
      case EV_SERVICE_DONE:
        this.beginCalls(a, this.nodes[this.jobs.node[a]]);
        return;
      case EV_DELIVER:
        this.arrive(a);
        return;
      case EV_RESPONSE:
        this.deliverResponse(a);
        return;
      case EV_TIMEOUT:
        this.onTimeout(a, b);
        return;
      case EV_TICK:
        this.onTick();
        return;
      case EV_THINK_DONE: {
        const n = this.nodes[a];
        this.sendRequest(n, n.client!);
        return;
      }
      case EV_CLIENT_RATE:
        this.onRateChange(this.nodes[a]);
        return;
      case EV_INSTANCE_READY:
        this.onInstanceReady(this.nodes[a], b);
        return;
      case EV_WARMUP_END:
        this.resetStats();
        return;
    }
  }

  // ---- clients -------------------------------------------------------------------------

  private scheduleArrival(n: NodeRt, c: ClientRt, from: number): void {
    if (c.rate <= 0) return;
    const gap = c.poisson ? (-1000 * Math.log(1 - this.rng.next())) / c.rate : 1000 / c.rate;
    this.q.push(from + gap, EV_CLIENT_ARRIVAL, n.index, c.arrivalGen);
  }

  /** A rate change makes the pending arrival stale and draws a new one at the new rate. */
  onRateChange(n: NodeRt): void {
    const c = n.client!;
    const rate = c.profile!.rateAt(this.now);
    if (rate !== c.rate) {
      c.rate = rate;
      c.arrivalGen++;
      // Constant arrivals keep their spacing from the last one; Poisson ones are memoryless.
      const from = c.poisson ? this.now : Math.max(this.now - 1000 / Math.max(rate, 1e-9), c.lastArrivalMs);
      this.scheduleArrival(n, c, from);
    }
    const next = c.profile!.nextChangeMs(this.now);
    if (next < Infinity) this.q.push(next, EV_CLIENT_RATE, n.index, 0);
  }

  private sendRequest(n: NodeRt, c: ClientRt): void {
    const jobs = this.jobs;
    const j = jobs.alloc();
    jobs.node[j] = n.index;
    jobs.parent[j] = -1;
    jobs.edge[j] = -1;
    jobs.client[j] = n.index;
    jobs.path[j] = this.pickPath(c);
    jobs.arrivedAt[j] = this.now;
    jobs.sentAt[j] = this.now;
    c.sent++;
    this.beginCalls(j, n);
  }

  private pickPath(c: ClientRt): number {
    const ids = c.pathIds;
    if (ids.length === 1) return ids[0];
    const cum = c.pathCum;
    const u = this.rng.next() * cum[cum.length - 1];
    for (let i = 0; i < cum.length; i++) if (u < cum[i]) return ids[i];
    return ids[ids.length - 1];
  }

  private finishRoot(j: number, n: NodeRt, cause: number): void {
    const c = n.client!;
    const latency = this.now - this.jobs.arrivedAt[j];
    c.latency.record(latency);
    c.secLatency.record(latency);
    c.secAnswers++;
    c.snapAnswers++;
    if (cause === OK) c.ok++;
    else {
      c.failed++;
      c.failedBy[cause]++;
      c.secFailed++;
      c.secFailedBy[cause]++;
      c.snapFailed++;
    }
    this.jobs.release(j);
    if (!c.open) this.q.push(this.now + sample(c.think!, this.rng), EV_THINK_DONE, n.index, 0);
  }

  // ---- calls ---------------------------------------------------------------------------

  /** After its own work, a request makes its outgoing calls. */
  private beginCalls(j: number, n: NodeRt): void {
    const jobs = this.jobs;
    if (n.routes !== null) {
      const e = n.routes[jobs.path[j]];
      if (e < 0) {
        this.complete(j, n, FAIL_NOT_FOUND);
        return;
      }
      jobs.cursor[j] = n.out.length;
      this.call(j, this.edges[e]);
      return;
    }
    if (!n.parallel) {
      jobs.cursor[j] = 0;
      this.nextCall(j, n);
      return;
    }
    // Fan-out: one extra pending count guards against a call that answers at once.
    const out = n.out;
    const epoch = jobs.epoch[j];
    jobs.pending[j] = 1;
    for (let k = 0; k < out.length; k++) {
      const e = this.edges[out[k]];
      if (e.probability < 1 && this.rng.next() >= e.probability) continue;
      jobs.pending[j]++;
      this.call(j, e);
      if (jobs.epoch[j] !== epoch) return;
    }
    if (--jobs.pending[j] === 0) this.complete(j, n, OK);
  }

  private nextCall(j: number, n: NodeRt): void {
    const jobs = this.jobs;
    const out = n.out;
    for (let k = jobs.cursor[j]; k < out.length; k++) {
      const e = this.edges[out[k]];
      if (e.probability < 1 && this.rng.next() >= e.probability) continue;
      jobs.cursor[j] = k + 1;
      this.call(j, e);
      return;
    }
    this.complete(j, n, OK);
  }

  private call(p: number, e: EdgeRt): void {
    const jobs = this.jobs;
    const c = jobs.alloc();
    jobs.node[c] = e.to;
    jobs.parent[c] = p;
    jobs.parentGen[c] = jobs.gen[p];
    jobs.parentEpoch[c] = jobs.epoch[p];
    jobs.edge[c] = e.index;
    jobs.client[c] = jobs.client[p];
    jobs.path[c] = jobs.path[p];
    jobs.sentAt[c] = this.now;
    e.calls++;
    e.secCalls++;
    e.snapCalls++;
    if (e.timeoutMs > 0) this.q.push(this.now + e.timeoutMs, EV_TIMEOUT, c, jobs.gen[c]);
    const s = e.latencySampler;
    const latency = s.code === 0 ? s.p1 : sample(s, this.rng);
    if (latency > 0) this.q.push(this.now + latency, EV_DELIVER, c, 0);
    else this.arrive(c);
  }

  private arrive(j: number): void {
    const jobs = this.jobs;
    const n = this.nodes[jobs.node[j]];
    jobs.arrivedAt[j] = this.now;
    n.arrivals++;
    n.snapArrivals++;
    const i = pickInstance(n.lb, n.instances, n.readyCount, n.lbState, this.rng);
    if (i < 0) {
      this.reject(j, n);
      return;
    }
    const inst = n.instances[i];
    jobs.inst[j] = i;
    if (inst.busy < n.workers) this.startService(j, n, inst);
    else if (inst.qLen < n.queueCap) {
      n.touch(this.now);
      inst.push(j);
      n.queued++;
    } else this.reject(j, n);
  }

  private reject(j: number, n: NodeRt): void {
    n.rejected++;
    n.snapFailed++;
    this.respond(j, FAIL_REJECTED);
  }

  private startService(j: number, n: NodeRt, inst: Instance): void {
    n.touch(this.now);
    inst.busy++;
    n.busy++;
    this.q.push(this.now + sample(n.service!, this.rng) * n.serviceFactor, EV_SERVICE_DONE, j, 0);
  }

  /** The request is done at its node: free the worker, take the next waiting one, answer. */
  private complete(j: number, n: NodeRt, cause: number): void {
    if (n.role === ROLE_CLIENT) {
      this.finishRoot(j, n, cause);
      return;
    }
    const jobs = this.jobs;
    const inst = n.instances[jobs.inst[j]];
    n.touch(this.now);
    inst.busy--;
    n.busy--;
    n.completed++;
    n.secCompleted++;
    n.snapCompleted++;
    if (cause !== OK) {
      n.failed++;
      n.snapFailed++;
    }
    n.responseSum += this.now - jobs.arrivedAt[j];
    if (inst.qLen > 0 && inst.state === INST_READY) {
      const k = inst.shift();
      n.queued--;
      this.startService(k, n, inst);
    }
    this.respond(j, cause);
  }

  /** Sends the answer back over the edge the request came in on. */
  private respond(j: number, cause: number): void {
    const jobs = this.jobs;
    jobs.fail[j] = cause;
    const e = this.edges[jobs.edge[j]];
    const s = e.latencySampler;
    const latency = s.code === 0 ? s.p1 : sample(s, this.rng);
    if (latency > 0) this.q.push(this.now + latency, EV_RESPONSE, j, 0);
    else this.deliverResponse(j);
  }

  private deliverResponse(c: number): void {
    const jobs = this.jobs;
    const p = jobs.parent[c];
    const cause = jobs.fail[c];
    const orphan = jobs.gen[p] !== jobs.parentGen[c] || jobs.epoch[p] !== jobs.parentEpoch[c];
    if (!orphan) {
      const e = this.edges[jobs.edge[c]];
      e.latency.record(this.now - jobs.sentAt[c]);
      if (cause !== OK) {
        e.errors++;
        e.secErrors++;
        e.snapErrors++;
      }
    }
    jobs.release(c);
    if (!orphan) this.onChildResult(p, cause);
  }

  private onTimeout(c: number, gen: number): void {
    const jobs = this.jobs;
    if (jobs.gen[c] !== gen) return;
    const p = jobs.parent[c];
    if (jobs.gen[p] !== jobs.parentGen[c] || jobs.epoch[p] !== jobs.parentEpoch[c]) return;
    const e = this.edges[jobs.edge[c]];
    e.timeouts++;
    e.errors++;
    e.secErrors++;
    e.snapErrors++;
    e.latency.record(this.now - jobs.sentAt[c]);
    this.onChildResult(p, FAIL_TIMEOUT);
  }

  private onChildResult(p: number, cause: number): void {
    const jobs = this.jobs;
    const n = this.nodes[jobs.node[p]];
    if (cause !== OK) {
      // Stop waiting: every call still out is orphaned and will be dropped when it answers.
      jobs.epoch[p]++;
      this.complete(p, n, cause);
      return;
    }
    if (n.parallel && n.routes === null) {
      if (--jobs.pending[p] === 0) this.complete(p, n, OK);
      return;
    }
    this.nextCall(p, n);
  }

  // ---- instances -----------------------------------------------------------------------

  /** Marks an instance ready and lets it take work. */
  private onInstanceReady(n: NodeRt, i: number): void {
    const inst = n.instances[i];
    if (inst.state !== INST_STARTING) return;
    n.touch(this.now);
    inst.state = INST_READY;
    n.readyCount++;
    n.capacity += n.workers;
  }

  /** Adds or removes instances while running; new ones start after the node's startupMs. */
  setInstances(n: NodeRt, count: number): void {
    n.touch(this.now);
    let live = n.instances.filter((x) => x.state !== 4).length;
    for (; live < count; live++) {
      const inst = new Instance();
      inst.since = this.now;
      const i = n.instances.length;
      n.instances.push(inst);
      if (n.startupMs > 0) {
        inst.state = INST_STARTING;
        this.q.push(this.now + n.startupMs, EV_INSTANCE_READY, n.index, i);
      } else {
        n.readyCount++;
        n.capacity += n.workers;
      }
    }
    // Scale in: the newest instances go first; their queued requests finish elsewhere only
    // if they were never started, so we let them drain where they are.
    for (let i = n.instances.length - 1; i >= 0 && live > count; i--) {
      const inst = n.instances[i];
      if (inst.state === 4) continue;
      if (inst.state === INST_READY) {
        n.readyCount--;
        n.capacity -= n.workers;
      }
      inst.state = 4;
      live--;
      while (inst.qLen > 0) {
        const k = inst.shift();
        n.queued--;
        this.reject(k, n);
      }
    }
  }

  // ---- metrics -------------------------------------------------------------------------

  private resetStats(): void {
    for (const n of this.nodes) {
      n.resetStats(this.now);
      n.client?.resetStats();
    }
    for (const e of this.edges) e.resetStats();
  }

  /** Closes one simulated second of the time series. */
  private onTick(): void {
    const t0 = this.lastTickMs;
    const dt = this.now - t0;
    this.lastTickMs = this.now;
    const s = this.series;
    s.begin(t0);
    for (const n of this.nodes) {
      const c = n.client;
      if (c) {
        const b = n.seriesBase;
        s.set(b, c.secAnswers, dt / 1000);
        s.set(b + 1, c.secLatency.percentile(0.99), 1);
        s.set(b + 2, c.secFailed, c.secAnswers);
        c.secAnswers = c.secFailed = 0;
        c.secFailedBy.fill(0);
        c.secLatency.reset();
        continue;
      }
      n.touch(this.now);
      const b = n.seriesBase;
      let ready = 0, existing = 0;
      for (const inst of n.instances) {
        if (inst.state === INST_READY) ready++;
        if (inst.state !== 4) existing++;
      }
      s.set(b, existing * dt, dt);
      s.set(b + 1, ready * dt, dt);
      s.set(b + 2, n.busyArea - n.tickBusyArea, n.capArea - n.tickCapArea);
      s.set(b + 3, n.queueArea - n.tickQueueArea, dt);
      s.set(b + 4, n.secCompleted, dt / 1000);
      n.tickBusyArea = n.busyArea;
      n.tickQueueArea = n.queueArea;
      n.tickCapArea = n.capArea;
      n.secCompleted = 0;
    }
    this.q.push(this.now + TICK_MS, EV_TICK, 0, 0);
  }
}
