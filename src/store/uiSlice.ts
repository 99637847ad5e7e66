import type { UiState } from './types';

export const initialUi = (): UiState => ({
  theme: typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  projector: false,
  bottomTab: 'load',
  bottomExpanded: false,
  collapsed: { palette: false, inspector: false, dashboard: false, bottom: false },
  notice: null,
  fitRequest: 0,
});

export interface UiSlice {
  ui: UiState;
}

/** Initial data of the slice; its actions are module functions (see actions files). */
export const createUiSlice = (): UiSlice => ({ ui: initialUi() });
