import { EV_FAULT_END, EV_FAULT_START } from '../runtime/codes';
import { crashInstance, restartInstance } from '../runtime/stations';
import type { World } from '../runtime/world';
import { faultKindOf } from './kinds';
import type { Fault } from './schema';
import type { FaultMemo, FaultOps, FaultTarget } from './types';

interface Entry {
  id: string;
  fault: Fault;
  active: boolean;
  /** What starting it changed, so that ending it undoes exactly that. */
  memo: FaultMemo;
  /** The node or edge it hits, looked up on first start (a world's nodes and edges never change). */
  target: FaultTarget | null;
}

const OPS: FaultOps = { crashInstance, restartInstance };

const newMemo = (): FaultMemo => ({ killed: [], sampler: null });

/** A fault in force, as the live view lists it. */
export interface ActiveFault {
  id: string;
  fault: Fault;
  sinceMs: number;
}

/**
 * Faults of a run: those the scenario schedules and those started live. Starting one changes
 * the target's runtime state (its kind's `start`, faults/kinds); ending it undoes exactly that change.
 */
export class FaultBook {
  private readonly entries: Entry[] = [];
  private readonly since = new Map<string, number>();
  private liveCount = 0;

  constructor(scheduled: readonly Fault[]) {
    scheduled.forEach((f, i) => this.entries.push({ id: `scenario-${i}`, fault: f, active: false, memo: newMemo(), target: null }));
  }

  scheduleAll(w: World): void {
    this.entries.forEach((e, i) => w.q.push(e.fault.atMs, EV_FAULT_START, i, 0));
  }

  /** Starts a fault now; returns its id for {@link stopLive}. */
  startLive(w: World, fault: Fault): string {
    const id = `live-${++this.liveCount}`;
    this.entries.push({ id, fault: { ...fault, atMs: w.now }, active: false, memo: newMemo(), target: null });
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
    const def = faultKindOf(f.kind)!;
    entry.active = dir > 0;
    if (dir > 0) {
      this.since.set(entry.id, w.now);
      w.log.add(w.now, 'fault-start', `${f.kind} on ${f.target}${def.describe?.(f) ?? ''}`, node?.id, edge?.key, f.id);
      def.start(w, f, entry.target, entry.memo, OPS);
    } else {
      w.log.add(w.now, 'fault-end', `${f.kind} on ${f.target} ended`, node?.id, edge?.key, f.id);
      def.stop(w, f, entry.target, entry.memo, OPS);
    }
    if (node && def.slowPath) node.slowPathFaults += dir;
    node?.refreshPlain();
    edge?.refreshPlain();
    if (def.instant) entry.active = false;
  }
}
