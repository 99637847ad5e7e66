/**
 * What Compare mode shows beside the page's own run (which is B, the scenario being edited):
 * variant A's latest picture and chart window, both runs' figures so far, the student's
 * hypothesis, and the result of running both over several seeds. Loaded with the mode.
 */
import { create } from 'zustand';
import type { Measure } from '../../compare/measures';
import type { Snapshot } from '../../engine/metrics/snapshot';
import type { Scenario } from '../../store/types';
import type { SeriesWindow } from '../../worker/protocol';
import type { SeedsResult } from '../../worker/seedRuns';

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
  /** Both live runs' figures so far (one seed). */
  measures: { a: Measure[]; b: Measure[] } | null;
  multi: SeedsState;
}

export const noSeeds = (): SeedsState => ({ status: 'idle', seeds: 5, runsDone: 0, result: null, message: null, b: null });

export const useCompare = create<CompareData>(() => ({ a: null, hypothesis: '', aSnapshot: null, aSeries: null, measures: null, multi: noSeeds() }));
