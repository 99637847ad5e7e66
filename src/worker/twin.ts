/**
 * Compare mode's variant A, run beside the page's own run (B, the scenario being edited) in
 * the same worker: it is built when B is, on the same seed, moves to B's simulated time after
 * every slice of B's work, and takes the same faults (a person's or the chaos monkey's), so
 * the two can be read side by side at every moment. When B forks from a moment of the past
 * (the replay timeline), A is built again along B's journal to the same moment. One worker stepping both, rather than a
 * worker each, keeps them at one clock and leaves the page a core of its own on a two-core
 * machine.
 */
import { measuresOf } from '../compare/measures';
import type { Scenario } from '../engine/model';
import { createSimulation, type Simulation } from '../engine/simulation';
import { SERIES_WINDOW_MS, type FaultSpec, type FromWorker } from './protocol';
import type { RebuildFollower } from './replayRecorder';
import { seriesWindow } from './seriesWindow';

export function createTwin(post: (msg: FromWorker) => void) {
  /** A as it was when Compare mode began (null: not comparing). */
  let scenario: Scenario | null = null;
  let sim: Simulation | null = null;
  /** B's fault ids to A's: a fault stopped on B stops on A too. */
  const faultIds = new Map<string, string>();
  let gen = 0;

  return {
    active: () => sim !== null,
    /** Sets (or clears) A; it runs from B's next load on. */
    set(s: Scenario | null): void {
      scenario = s;
      if (!s) sim = null;
    },
    /** B was (re)loaded at time 0 with this scenario and run number: A starts over beside it, on B's seed. */
    load(b: Scenario, runGen: number): void {
      gen = runGen;
      faultIds.clear();
      // A keeps no traces (the page shows B's only): a tenth less work for the worker, and no
      // change to A's numbers, since whether a request is traced draws no random number.
      sim = scenario ? createSimulation({ ...scenario, seed: b.seed, tracing: { sampleRate: 0 } }) : null;
    },
    /** Brings A to B's simulated time. */
    follow(tMs: number): void {
      if (!sim || sim.now() >= tMs) return;
      if (!sim.runUntil(tMs)) {
        post({ type: 'error', message: `Variant A stopped: ${sim.stoppedEarly() ?? 'the run stopped'}` });
        sim = null;
      }
    },
    /** Taken along B's rebuild to a moment of the past (a fork): A gets B's faults as they came. */
    follower(): RebuildFollower | undefined {
      if (!sim) return undefined;
      return {
        at: (tMs) => this.follow(tMs),
        applied: (input, bId) => {
          if (input.type === 'startFault' && bId !== undefined) this.startFault(input.fault, bId);
          else if (input.type === 'stopFault') this.stopFault(input.id);
        },
      };
    },
    startFault(fault: FaultSpec, bId: string): void {
      if (sim) faultIds.set(bId, sim.startFault(fault));
    },
    stopFault(bId: string): void {
      const id = faultIds.get(bId);
      if (sim && id !== undefined) sim.stopFault(id);
    },
    postSnapshot(): void {
      if (sim) post({ type: 'twin', gen, snapshot: sim.snapshot() });
    },
    /** A's chart window, and the figures of both runs so far for the table of differences. */
    postSeries(b: Simulation): void {
      if (!sim) return;
      const now = sim.now();
      post({
        type: 'twin', gen,
        window: seriesWindow(sim.series(now - SERIES_WINDOW_MS), now, SERIES_WINDOW_MS),
        measures: { a: measuresOf(sim.report()), b: measuresOf(b.report()) },
      });
    },
  };
}

export type Twin = ReturnType<typeof createTwin>;
