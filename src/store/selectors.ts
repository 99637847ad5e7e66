/** Named selectors, defined once at module level so their identity is stable. */
import { kindCan } from '../engine/kinds';
import { nodeHasProblems } from './scenarioCheck';
import type { AppState } from './types';

export const selectScenario = (s: AppState) => s.scenario;
export const selectNodes = (s: AppState) => s.scenario.nodes;
export const selectEdges = (s: AppState) => s.scenario.edges;
export const selectStatus = (s: AppState) => s.run.status;
export const selectRunning = (s: AppState) => s.run.status === 'running';
export const selectSpeed = (s: AppState) => s.run.speed;
export const selectSimTime = (s: AppState) => s.run.simTimeMs;
export const selectSelection = (s: AppState) => s.selection;
export const selectNotice = (s: AppState) => s.ui.notice;
export const selectCapabilities = (s: AppState) => s.run.capabilities;
export const selectFaults = (s: AppState) => s.run.faults;
export const selectEvents = (s: AppState) => s.run.events;
export const selectSeries = (s: AppState) => s.run.series;
export const selectTraces = (s: AppState) => s.run.traces;
export const selectTheme = (s: AppState) => s.ui.theme;
export const selectProjector = (s: AppState) => s.ui.projector;
export const selectFitRequest = (s: AppState) => s.ui.fitRequest;

/**
 * The clients' ids, a new array on each call: use it through useShallow, so that a component
 * re-renders when clients come or go, not on every edit to the nodes.
 */
export const selectClientIds = (s: AppState) => s.scenario.nodes.filter((n) => kindCan(n.kind, 'source')).map((n) => n.id);

/** Per-id selectors for node and edge components: each subscribes to its own numbers only. */
export const nodeStats = (id: string) => (s: AppState) => s.run.nodes[id];
export const clientStats = (id: string) => (s: AppState) => s.run.clients[id];
export const edgeStats = (key: string) => (s: AppState) => s.run.edges[key];
/** Whether the node keeps the edited scenario from running (so the worker runs without it). */
export const nodeHeldBack = (id: string) => (s: AppState) => nodeHasProblems(s.scenario, id);
