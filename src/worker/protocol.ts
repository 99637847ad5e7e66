/**
 * The typed message protocol between the page and the engine worker. Everything here is
 * plain data (structured-clone safe): the page never holds the simulation, only pictures of it.
 */
import type { Change } from '../engine/simulation';
import type { Snapshot } from '../engine/metrics/snapshot';
import type { Span, Trace } from '../engine/metrics/tracer';
import type { LoggedEvent } from '../engine/metrics/eventLog';
import type { BreakerStateName } from '../engine/calls/circuitBreaker';
import type { Scenario } from '../engine/model';
import type { FaultInput, FaultKind } from '../engine/faults/schema';
import type { Lesson, Verdict } from '../lessons/types';
import type { RunSummary } from './runSummary';
import type { Report } from '../engine/metrics/report';
import type { Measure } from '../compare/measures';
import type { NewShape, PackedFrame } from './framePack';

/** Simulated seconds per real second; 'max' runs as fast as the machine allows. */
export type Speed = 1 | 5 | 25 | 100 | 'max';
export const SPEEDS: readonly Speed[] = [1, 5, 25, 100, 'max'];

/** A live fault as the engine's `startFault` takes it; target is a node id or an edge key "a->b". */
export type FaultSpec = FaultInput;
export type { FaultKind };

export interface ActiveFault {
  id: string;
  fault: FaultSpec;
  startedAtMs: number;
  /** True when the chaos monkey started it rather than a person. */
  byChaos: boolean;
}

export type BreakerState = BreakerStateName;

/** What this run can show; the UI explains what is missing rather than pretend. */
export interface Capabilities {
  /** False when the run samples no traces (the scenario's `tracing.sampleRate` is 0). */
  traces: boolean;
}

/** One notable thing that happened, at a simulated time. */
export type LiveEvent = LoggedEvent;

/** Sampled request traces, as the engine's tracer keeps them (OpenTelemetry-like span trees). */
export type SpanView = Span;
export type TraceView = Trace;

/**
 * The last few simulated minutes of the engine's per-second series. Nested channels are
 * flattened with a dot: a client's `failuresPerS.timeout`.
 */
export interface SeriesWindow {
  tMs: number[];
  clients: Record<string, Record<string, number[]>>;
  nodes: Record<string, Record<string, number[]>>;
  edges: Record<string, Record<string, number[]>>;
}

/** The live view at a whole simulated second, kept by the page for the replay timeline. */
export interface ReplayFrame {
  tMs: number;
  clients: Snapshot['clients'];
  nodes: Snapshot['nodes'];
  edges: Snapshot['edges'];
}

/** What a run adds to the page's replay history between two series posts. */
export interface ReplayHistory {
  /** A frame a simulated second, packed (framePack.ts) with the layouts first used here. */
  frames: PackedFrame[];
  shapes: NewShape[];
  /** The series points since the previous post (not only the dashboard's window). */
  series: SeriesWindow;
}

export type ToWorker =
  /** `gen` numbers the run; every message about it carries the number, so stale ones are dropped. */
  | { type: 'load'; scenario: Scenario; gen: number; keepRunning?: boolean }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; ms: number }
  | { type: 'setSpeed'; speed: Speed }
  | { type: 'change'; change: Change }
  | { type: 'startFault'; fault: FaultSpec }
  | { type: 'stopFault'; id: string }
  | { type: 'setChaos'; enabled: boolean; perMinute: number }
  /**
   * The lesson whose goals are evaluated on the live run (null: none), kept across loads, and
   * the scenario as edited since (for structural goals: live edits do not reload the run).
   */
  | { type: 'setLesson'; lesson: Lesson | null; scenario?: Scenario }
  /** The full report of the run so far (what npm run sim --json prints), answered with the same id. */
  | { type: 'report'; id: number }
  /** Compare mode: variant A, run beside the loaded scenario (B) from its next load on; null ends it. */
  | { type: 'setTwin'; scenario: Scenario | null }
  /**
   * Builds the run again up to tMs (paused there) from its scenario and the live changes made
   * before tMs; what happened after tMs is forgotten: the run forks there, as run `gen`.
   */
  | { type: 'rewind'; tMs: number; gen: number };

export type FromWorker =
  | { type: 'ready'; gen: number; capabilities: Capabilities }
  /** The snapshot's newEvents are the events logged since the previous snapshot. */
  | { type: 'snapshot'; gen: number; running: boolean; snapshot: Snapshot }
  | { type: 'series'; gen: number; simTimeMs: number; window: SeriesWindow; traces: TraceView[] | null; history?: ReplayHistory }
  | { type: 'faults'; gen: number; active: ActiveFault[] }
  | { type: 'error'; message: string }
  /** The run stopped before its end (the event budget), with the reason. */
  | { type: 'done'; gen: number; reason: string }
  /** Play reached the scenario's durationMs and stopped there; Play again runs on past it. */
  | { type: 'ended'; gen: number; summary: RunSummary }
  /** The lesson's goals on the live run at simulated time nowMs. */
  | { type: 'goals'; gen: number; nowMs: number; verdicts: Verdict[] }
  /** The answer to a 'report' request (null before a scenario is loaded). */
  | { type: 'report'; id: number; report: Report | null }
  /** Compare mode: variant A's picture (with B's snapshot), its chart window and both runs' figures (with B's series). */
  | { type: 'twin'; gen: number; snapshot?: Snapshot; window?: SeriesWindow; measures?: { a: Measure[]; b: Measure[] } };

export type { RunSummary };

/**
 * Share of requests the page traces when a scenario sets no `tracing` of its own, so the
 * Traces tab is never empty by surprise. Low enough to cost no frames at thousands of
 * requests a second; the CLI applies no such default, so its report for a file is unchanged.
 */
export const PAGE_TRACE_SAMPLE_RATE = 0.02;

/** The scenario as the page runs it: with the page's trace sampling when it sets none. */
export function withPageTracing(s: Scenario): Scenario {
  return s.tracing ? s : { ...s, tracing: { sampleRate: PAGE_TRACE_SAMPLE_RATE } };
}

/** How much simulated time the dashboard shows. */
export const SERIES_WINDOW_MS = 5 * 60_000;
