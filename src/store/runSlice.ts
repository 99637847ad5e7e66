import type { RunState } from './types';

export const initialRun = (): RunState => ({
  status: 'idle',
  speed: 1,
  seq: 0,
  simTimeMs: 0,
  clients: {},
  nodes: {},
  edges: {},
  series: { tMs: [], clients: {}, nodes: {}, edges: {} },
  events: [],
  traces: [],
  faults: [],
  capabilities: { traces: false },
  chaos: { enabled: false, perMinute: 6 },
  message: null,
  summary: null,
});

export interface RunSlice {
  run: RunState;
}

/** Initial data of the slice; its actions are module functions (see actions files). */
export const createRunSlice = (): RunSlice => ({ run: initialRun() });
