/**
 * What Compare mode shows beside the page's own run (which is B, the scenario being edited):
 * variant A's latest picture and chart window, both runs' figures so far, the student's
 * hypothesis, and the result of running both over several seeds.
 */
import { create } from 'zustand';
import type { Measure } from '../compare/measures';
import type { Snapshot } from '../engine/metrics/snapshot';
import type { Scenario } from './types';
import type { SeriesWindow } from '../worker/protocol';
import type { SeedsResult } from '../worker/seedRuns';

export interface SeedsState {
  status: 'idle' | 'running' | 'done' | 'failed';
  /** Seeds asked for, and runs (of A or B) finished so far. */
  seeds: number;
  runsDone: number;
  result: SeedsResult | null;
  message: string | null;
  /** The scenario being edited when the seeds ran: an edit since makes their result out of date. */
  b: Scenario | null;
}

export interface CompareData {
  /** Variant A as it was when the mode began. */
  a: Scenario | null;
  hypothesis: string;
  aSnapshot: Snapshot | null;
  aSeries: SeriesWindow | null;
  /** A's clients' series over the whole run (compare/history.ts), for the replay timeline. */
  aPast: SeriesWindow | null;
  /** Both live runs' figures so far (one seed). */
  measures: { a: Measure[]; b: Measure[] } | null;
  multi: SeedsState;
  /** B - A badges by node id, worked out by the panel on each picture of A. */
  badges: Record<string, { text: string; worse: boolean }>;
}

export const noSeeds = (): SeedsState => ({ status: 'idle', seeds: 5, runsDone: 0, result: null, message: null, b: null });

export const useCompare = create<CompareData>(() => ({ a: null, hypothesis: '', aSnapshot: null, aSeries: null, aPast: null, measures: null, multi: noSeeds(), badges: {} }));

/**
 * What the lazily loaded panel needs from the page's side of the mode, handed over here so
 * that the panel imports this small module only (store/compareMode.ts fills it in).
 */
export const compareHooks = {
  leave: (_keep: 'a' | 'b'): void => {},
  bScenario: (): Scenario | null => null,
  /** Set by the panel: stops runs over several seeds in flight. */
  stopSeeds: (): void => {},
};
