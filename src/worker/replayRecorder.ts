/**
 * What the replay timeline needs from the worker. Two records of a run:
 *
 * - a picture of the live view at every whole simulated second (frames), handed to the page
 *   with the series, so that the page can show any earlier second without the engine;
 * - a journal of everything done to the run from outside (live changes, faults started and
 *   stopped, by a person or by the chaos monkey) with the simulated time it happened at.
 *
 * The engine is deterministic for a scenario, a seed and the same live changes at the same
 * simulated times, so building the run again from its scenario and replaying the journal up
 * to a moment gives the very state the run had then: that is how Play continues from a moment
 * of the past ({@link ReplayRecorder.rebuild}).
 */
import type { LoggedEvent } from '../engine/metrics/eventLog';
import type { Scenario } from '../engine/model';
import { createSimulation, type Change, type Simulation } from '../engine/simulation';
import { FramePacker, type NewShape, type PackedFrame } from './framePack';
import type { FaultSpec, SeriesWindow } from './protocol';
import { seriesWindow } from './seriesWindow';

export const FRAME_EVERY_MS = 1000;

export type JournalInput = { type: 'change'; change: Change } | { type: 'startFault'; fault: FaultSpec } | { type: 'stopFault'; id: string };
export interface JournalEntry {
  atMs: number;
  input: JournalInput;
}

/** Applies one journal entry; a fault started gets its id back. */
function applyInput(sim: Simulation, input: JournalInput): string | undefined {
  if (input.type === 'change') sim.apply(input.change);
  else if (input.type === 'startFault') return sim.startFault(input.fault);
  else sim.stopFault(input.id);
  return undefined;
}

/**
 * A second run taken along a rebuild (Compare mode's A): it is brought to each entry's time
 * before the entry is applied, and told each entry with the fault id the rebuilt run gave.
 */
export interface RebuildFollower {
  at(tMs: number): void;
  applied(input: JournalInput, faultId: string | undefined): void;
}

export function createReplayRecorder() {
  const journal: JournalEntry[] = [];
  let frames: PackedFrame[] = [];
  const packer = new FramePacker();
  let nextFrameMs = 0;
  /** Series points from this time on have not been handed to the page yet. */
  let seriesFromMs = 0;
  /** Events a frame took from the log, for the next live snapshot to carry. */
  let held: LoggedEvent[] = [];

  /** Takes the frames due at the simulation's time (at most one: time stops at each frame's second). */
  function capture(sim: Simulation): void {
    if (sim.now() < nextFrameMs) return;
    const { tMs, clients, nodes, edges, newEvents } = sim.snapshot();
    if (newEvents.length > 0) held = held.length > 0 ? held.concat(newEvents) : newEvents;
    frames.push(packer.pack({ tMs, clients, nodes, edges }));
    nextFrameMs = (Math.floor(tMs / FRAME_EVERY_MS) + 1) * FRAME_EVERY_MS;
  }

  /** Starts the records of a new run, with the frame of its time 0. */
  function start(sim: Simulation, fromMs = sim.now()): void {
    frames = [];
    packer.clear();
    held = [];
    nextFrameMs = fromMs;
    seriesFromMs = fromMs;
    capture(sim);
  }

  return {
    start,
    capture,
    /** Where the run must stop next so a frame can be taken. */
    nextStopMs: () => nextFrameMs,
    record(atMs: number, input: JournalInput): void {
      journal.push({ atMs, input });
    },
    clearJournal(): void {
      journal.length = 0;
    },
    /** Events taken by frames since the last call, oldest first. */
    takeHeldEvents(): LoggedEvent[] {
      const out = held;
      held = [];
      return out;
    },
    /** The frames and series points the page has not had yet. */
    takeHistory(sim: Simulation): { frames: PackedFrame[]; shapes: NewShape[]; series: SeriesWindow } {
      const now = sim.now();
      const series = seriesWindow(sim.series(seriesFromMs), now, now - seriesFromMs);
      // A point is the second that starts at its time: the next one starts a second later.
      const last = series.tMs.at(-1);
      if (last !== undefined) seriesFromMs = last + 1;
      const out = frames;
      frames = [];
      return { frames: out, shapes: packer.takeNewShapes(), series };
    },
    /**
     * The run built again from its scenario up to tMs, replaying the journal; what the journal
     * holds after tMs is forgotten (the run forks there). Frames go on from tMs.
     */
    rebuild(scenario: Scenario, tMs: number, follower?: RebuildFollower): Simulation {
      const sim = createSimulation(scenario);
      // As the run loop does on load: the first picture switches on the latency windows.
      sim.snapshot();
      let kept = 0;
      for (const { atMs, input } of journal) {
        if (atMs > tMs) break;
        sim.runUntil(atMs);
        follower?.at(atMs);
        const faultId = applyInput(sim, input);
        follower?.applied(input, faultId);
        kept++;
      }
      journal.length = kept;
      sim.runUntil(tMs);
      // The page has the events up to tMs already.
      sim.snapshot();
      frames = [];
      held = [];
      seriesFromMs = Math.floor(tMs / FRAME_EVERY_MS) * FRAME_EVERY_MS;
      nextFrameMs = (Math.floor(tMs / FRAME_EVERY_MS) + 1) * FRAME_EVERY_MS;
      return sim;
    },
    journalLength: () => journal.length,
  };
}

export type ReplayRecorder = ReturnType<typeof createReplayRecorder>;
