import { compileDistribution, type Sampler } from '../core/sampler';
import { EV_FAULT_END, EV_FAULT_START, INST_CRASHED, INST_GONE } from '../runtime/codes';
import { crashInstance, restartInstance } from '../runtime/stations';
import type { EdgeRt, NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';
import type { Fault } from './schema';

interface Entry {
  id: string;
  fault: Fault;
  active: boolean;
  /** What starting it changed, so that ending it undoes exactly that. */
  killed: number[];
  sampler: Sampler | null;
  /** The node or edge it hits, looked up on first start (a world's nodes and edges never change). */
  target: { node: NodeRt | undefined; edge: EdgeRt | undefined } | null;
}

/** A fault in force, as the live view lists it. */
export interface ActiveFault {
  id: string;
  fault: Fault;
  sinceMs: number;
}

/**
 * Faults of a run: those the scenario schedules and those started live. Starting one changes
 * the target's runtime state; ending it undoes exactly that change.
 */
export class FaultBook {
  private readonly entries: Entry[] = [];
  private readonly since = new Map<string, number>();
  private liveCount = 0;

  constructor(scheduled: readonly Fault[]) {
    scheduled.forEach((f, i) => this.entries.push({ id: `scenario-${i}`, fault: f, active: false, killed: [], sampler: null, target: null }));
  }

  scheduleAll(w: World): void {
    this.entries.forEach((e, i) => w.q.push(e.fault.atMs, EV_FAULT_START, i, 0));
  }

  /** Starts a fault now; returns its id for {@link stopLive}. */
  startLive(w: World, fault: Fault): string {
    const id = `live-${++this.liveCount}`;
    this.entries.push({ id, fault: { ...fault, atMs: w.now }, active: false, killed: [], sampler: null, target: null });
    this.begin(w, this.entries.length - 1);
    return id;
  }

  stopLive(w: World, id: string): boolean {
    const i = this.entries.findIndex((e) => e.id === id);
    if (i < 0 || !this.entries[i].active) return false;
    this.end(w, i);
    return true;
  }

  active(): ActiveFault[] {
    return this.entries.filter((e) => e.active).map((e) => ({ id: e.id, fault: e.fault, sinceMs: this.since.get(e.id) ?? 0 }));
  }

  begin(w: World, i: number): void {
    const entry = this.entries[i];
    if (entry.active) return;
    this.toggle(w, entry, +1);
    if (entry.fault.durationMs !== undefined) w.q.push(w.now + entry.fault.durationMs, EV_FAULT_END, i, 0);
  }

  end(w: World, i: number): void {
    const entry = this.entries[i];
    if (!entry.active) return;
    this.toggle(w, entry, -1);
  }

  private toggle(w: World, entry: Entry, dir: 1 | -1): void {
    const f = entry.fault;
    entry.target ??= { node: w.nodes.find((n) => n.id === f.target), edge: w.edges.find((e) => e.key === f.target) };
    const { node, edge } = entry.target;
    entry.active = dir > 0;
    if (dir > 0) {
      this.since.set(entry.id, w.now);
      w.log.add(w.now, 'fault-start', `${f.kind} on ${f.target}${describe(f)}`, node?.id, edge?.key, f.id);
    } else w.log.add(w.now, 'fault-end', `${f.kind} on ${f.target} ended`, node?.id, edge?.key, f.id);
    apply(w, entry, node, edge, dir);
    node?.refreshPlain();
    edge?.refreshPlain();
    // A flush is an instant: done once applied, nothing to undo or to list as in force.
    if (f.kind === 'flush') entry.active = false;
  }
}

function describe(f: Fault): string {
  switch (f.kind) {
    case 'error': return ` (${Math.round(f.rate * 100)}% errors)`;
    case 'slowdown': return ` (x${f.factor})`;
    case 'kill-instance': return f.instance !== undefined ? ` (instance ${f.instance})` : '';
    default: return '';
  }
}

function apply(w: World, entry: Entry, node: NodeRt | undefined, edge: EdgeRt | undefined, dir: 1 | -1): void {
  const f = entry.fault;
  switch (f.kind) {
    case 'kill-instance': {
      if (!node) return;
      if (dir > 0) {
        const i = f.instance !== undefined && f.instance < node.instances.length ? f.instance : node.instances.findIndex((x) => x.state !== INST_CRASHED && x.state !== INST_GONE);
        if (i < 0 || node.instances[i].state === INST_CRASHED || node.instances[i].state === INST_GONE) return;
        entry.killed = [i];
        crashInstance(w, node, i);
      } else for (const i of entry.killed) restartInstance(w, node, i);
      return;
    }
    case 'kill-service': {
      if (!node) return;
      if (node.behaviour?.kill) {
        node.behaviour.kill(w, node, dir);
        return;
      }
      if (dir > 0) {
        entry.killed = [];
        node.instances.forEach((x, i) => {
          if (x.state !== INST_CRASHED && x.state !== INST_GONE) entry.killed.push(i);
        });
        for (const i of entry.killed) crashInstance(w, node, i);
      } else for (const i of entry.killed) restartInstance(w, node, i);
      return;
    }
    case 'error':
      if (!node) return;
      if (dir > 0) node.faultErrorRates.push(f.rate);
      else node.faultErrorRates.splice(node.faultErrorRates.indexOf(f.rate), 1);
      // Independent faults: a request survives each with probability 1 - rate.
      node.faultErrorRate = 1 - node.faultErrorRates.reduce((pass, r) => pass * (1 - r), 1);
      return;
    case 'latency': {
      if (dir > 0) entry.sampler = compileDistribution(f.addMs);
      const list = node ? node.faultLatency : edge ? edge.faultLatency : null;
      if (!list || !entry.sampler) return;
      if (dir > 0) list.push(entry.sampler);
      else list.splice(list.indexOf(entry.sampler), 1);
      return;
    }
    case 'slowdown':
      if (!node) return;
      node.touch(w.now);
      if (dir > 0) node.slowdowns.push(f.factor);
      else node.slowdowns.splice(node.slowdowns.indexOf(f.factor), 1);
      node.refreshServiceFactor();
      return;
    case 'partition':
      if (edge) edge.partitions = Math.max(0, edge.partitions + dir);
      return;
    case 'blackhole':
      if (node) node.blackholes = Math.max(0, node.blackholes + dir);
      return;
    case 'flush':
      if (dir > 0 && node?.behaviour?.flush) node.behaviour.flush(w, node);
      return;
  }
}
