import type { ClientLive, EdgeLive, NodeLive } from '../engine/metrics/snapshot';
import type { Scenario } from '../engine/model';
import type { ActiveFault, Capabilities, LiveEvent, RunSummary, SeriesWindow, Speed, TraceView } from '../worker/protocol';
import type { LessonState } from './lessonSlice';

export type { ClientLive, EdgeLive, NodeLive, Scenario };

export interface RunState {
  status: 'idle' | 'running' | 'paused' | 'done' | 'error';
  speed: Speed;
  seq: number;
  simTimeMs: number;
  clients: Record<string, ClientLive>;
  nodes: Record<string, NodeLive>;
  edges: Record<string, EdgeLive>;
  series: SeriesWindow;
  events: LiveEvent[];
  traces: TraceView[];
  faults: ActiveFault[];
  capabilities: Capabilities;
  chaos: { enabled: boolean; perMinute: number };
  message: string | null;
  /** What the run came to, once Play reached the scenario's end (null before, and once it runs on). */
  summary: RunSummary | null;
}

/** One node or call, several nodes (a box selection, Ctrl+A), or nothing. */
export type Selection = { type: 'node' | 'edge'; id: string } | { type: 'nodes'; ids: string[] } | null;

export interface Notice {
  tone: 'error' | 'info';
  title: string;
  lines: string[];
}

export type BottomTab = 'load' | 'events' | 'traces' | 'sweep';

/** Panels around the canvas that fold away so the canvas can take the screen. */
export type PanelId = 'palette' | 'inspector' | 'dashboard' | 'bottom';
export const PANEL_IDS: readonly PanelId[] = ['palette', 'inspector', 'dashboard', 'bottom'];

export interface UiState {
  theme: 'light' | 'dark';
  projector: boolean;
  bottomTab: BottomTab;
  bottomExpanded: boolean;
  /** Panels folded to a narrow strip (remembered between visits). */
  collapsed: Record<PanelId, boolean>;
  notice: Notice | null;
  /** Bumped to ask the canvas to fit the view (after an import or a layout). */
  fitRequest: number;
}

export interface AppState {
  scenario: Scenario;
  run: RunState;
  selection: Selection;
  ui: UiState;
  lesson: LessonState;
}
