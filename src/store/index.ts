/**
 * The one bound store. Middleware goes on the combined store only: immer for edits, and
 * zundo's temporal for undo, tracking the scenario alone so live snapshots (ten a second)
 * never enter the history.
 */
import { temporal } from 'zundo';
import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
import { createLessonSlice } from './lessonSlice';
import { createRunSlice } from './runSlice';
import { createScenarioSlice } from './scenarioSlice';
import { createSelectionSlice } from './selectionSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

export const useStore = create<AppState>()(
  temporal(
    immer(() => ({
      ...createScenarioSlice(),
      ...createRunSlice(),
      ...createSelectionSlice(),
      ...createUiSlice(),
      ...createLessonSlice(),
    })),
    {
      partialize: (s) => ({ scenario: s.scenario }),
      // Immer keeps the scenario object when nothing in it changed: one comparison decides.
      equality: (a, b) => a.scenario === b.scenario,
      limit: 200,
    },
  ),
);

export const undo = () => useStore.temporal.getState().undo();
export const redo = () => useStore.temporal.getState().redo();
export const clearHistory = () => useStore.temporal.getState().clear();

export type { AppState } from './types';
