import { create } from 'zustand';

/**
 * Whether Compare mode is on. Only this flag loads with the page (the toolbar and the side
 * panel read it); the mode itself, its data and its panel load the first time it is used
 * (ui/compare).
 */
export const useCompareMode = create<{ on: boolean }>(() => ({ on: false }));

