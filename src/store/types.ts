import type { ClientLive, EdgeLive, NodeLive } from '../engine/metrics/snapshot';
import type { Scenario } from '../engine/model';
import type { ActiveFault, Capabilities, LiveEvent, SeriesWindow, Speed, TraceView } from '../worker/protocol';

export type { Scenario };
/** p99Ms is not in the engine's live picture yet; badges show it as soon as it is. */
export type EdgeLiveView = EdgeLive & { p99Ms?: number };
export type NodeLiveView = NodeLive & { p99Ms?: number };

export interface RunState {
  status: 'idle' | 'running' | 'paused' | 'done' | 'error';
  speed: Speed;
  seq: number;
  simTimeMs: number;
  clients: Record<string, ClientLive>;
  nodes: Record<string, NodeLiveView>;
  edges: Record<string, EdgeLiveView>;
  series: SeriesWindow;
  events: LiveEvent[];
  traces: TraceView[];
  faults: ActiveFault[];
  capabilities: Capabilities;
  chaos: { enabled: boolean; perMinute: number };
  message: string | null;
}

export type Selection = { type: 'node' | 'edge'; id: string } | null;

export interface Notice {
  tone: 'error' | 'info';
  title: string;
  lines: string[];
}

export type BottomTab = 'load' | 'events' | 'traces';

export interface UiState {
  theme: 'light' | 'dark';
  projector: boolean;
  bottomTab: BottomTab;
  bottomExpanded: boolean;
  notice: Notice | null;
  /** Bumped to ask the canvas to fit the view (after an import or a layout). */
  fitRequest: number;
}

export interface AppState {
  scenario: Scenario;
  run: RunState;
  selection: Selection;
  ui: UiState;
}
