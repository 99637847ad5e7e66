import type { Selection } from './types';

export interface SelectionSlice {
  selection: Selection;
}

/** Initial data of the slice; its actions are module functions (see actions files). */
export const createSelectionSlice = (): SelectionSlice => ({ selection: null });
