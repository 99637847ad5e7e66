/**
 * Whether presenter mode is on and where its script stands. A store of its own, apart from
 * the scenario's: none of this is undone by Undo or saved with the scenario.
 */
import { create } from 'zustand';
import type { ChartPanel } from '../../engine/presentation/schema';
import { START, type Cursor } from './script';

export interface PresentState {
  on: boolean;
  cursor: Cursor;
  /** The charts beside the canvas. */
  panels: ChartPanel[];
  /** What the spotlight follows: the shown beat's focus. */
  focus: readonly string[];
}

const NONE: readonly string[] = [];

export const usePresent = create<PresentState>(() => ({ on: false, cursor: START, panels: [], focus: NONE }));

export const selectPresenting = (s: PresentState) => s.on;
export const selectPresentFocus = (s: PresentState) => (s.on ? s.focus : NONE);

export function startPresenting(panels: ChartPanel[]): void {
  usePresent.setState({ on: true, cursor: START, panels, focus: NONE });
}

/** The toolbar's Present: presenter mode's code loads the first time it is entered. */
export function requestPresenter(): void {
  void import('./presenter').then((m) => m.enterPresenter());
}

export function stopPresenting(): void {
  usePresent.setState({ on: false, cursor: START, focus: NONE });
}
