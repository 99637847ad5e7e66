/**
 * The replay timeline's side of the page. It keeps the run's history (runHistory.ts) from the
 * worker's messages; showing a moment of the past puts that moment's picture in the run slice
 * (so the canvas, badges, clock, charts and event log all show it) while the live run's state
 * is kept aside and goes on receiving the worker's messages. Anything that moves the run on
 * from the past (Play, Step, an edit, a fault) first rewinds the worker to that moment: the run
 * forks there and what came after it is forgotten.
 */
import { create } from 'zustand';
import type { RunTap } from '../engineBridge';
import { useStore } from '../index';
import type { RunState } from '../types';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { RunHistory } from './runHistory';

export interface ReplayState {
  /** The moment shown (a whole simulated second), or null when the page shows the live run. */
  viewingMs: number | null;
  /** The live run's simulated time. */
  headMs: number;
  /** Set from a fork until the worker has built the run again up to the fork's moment. */
  rebuildingToMs: number | null;
  /** Events logged so far: the timeline's marks change with it. */
  eventCount: number;
}

export const useReplay = create<ReplayState>(() => ({ viewingMs: null, headMs: 0, rebuildingToMs: null, eventCount: 0 }));

export const runHistory = new RunHistory();

/**
 * What the controller needs of the engine bridge, handed over by start-up: a value import
 * would put the bridge in a chunk of its own and cost the first load (npm run size).
 */
export interface BridgeLink {
  send(msg: ToWorker): void;
  nextRunGen(): number;
  setRunTap(tap: RunTap): void;
}
let bridge: BridgeLink | null = null;
/** The live run's state while the page shows the past. */
let live: RunState | null = null;

/** Commands that move the run on: from the past, they fork it. */
const MOVES_ON = new Set<ToWorker['type']>(['play', 'step', 'change', 'startFault', 'stopFault']);

function markPage(on: boolean): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  if (on) root.dataset.replay = 'on';
  else delete root.dataset.replay;
}

function seen(msg: FromWorker): void {
  switch (msg.type) {
    case 'snapshot': {
      const snap = msg.snapshot;
      runHistory.addEvents(snap.newEvents);
      runHistory.headMs = Math.max(runHistory.headMs, snap.tMs);
      useReplay.setState({ headMs: runHistory.headMs, eventCount: runHistory.allEvents().length, rebuildingToMs: null });
      return;
    }
    case 'series':
      if (msg.history) {
        runHistory.addFrames(msg.history.frames, msg.history.shapes);
        runHistory.addSeries(msg.history.series);
      }
      if (msg.traces) runHistory.setTraces(msg.traces);
      return;
    case 'faults':
      return runHistory.setFaults(msg.active);
  }
}

/** Shows the run as it was at tMs; at or past the live run's time, the live run. */
export function seek(tMs: number): void {
  if (tMs >= runHistory.headMs) return backToLive();
  const view = runHistory.at(tMs);
  if (!view) return;
  if (live === null) {
    const now = useStore.getState().run;
    // As runActions' pause does (not imported, for the reason BridgeLink gives).
    if (now.status === 'running') bridge?.send({ type: 'pause' });
    live = now.status === 'running' ? { ...now, status: 'paused' } : now;
  }
  useStore.setState({
    run: {
      ...live,
      status: 'paused',
      simTimeMs: view.tMs,
      clients: view.clients,
      nodes: view.nodes,
      edges: view.edges,
      series: view.series,
      events: view.events,
      faults: view.faults,
      traces: view.traces,
      message: null,
      summary: null,
    },
  });
  useReplay.setState({ viewingMs: view.tMs });
  markPage(true);
}

/** Back to the live run, as it is now. */
export function backToLive(): void {
  if (live !== null) useStore.setState({ run: live });
  live = null;
  useReplay.setState({ viewingMs: null });
  markPage(false);
}

/** The moment shown becomes the live run: the worker builds the run again up to it. */
function fork(): ToWorker[] {
  const tMs = useReplay.getState().viewingMs;
  if (tMs === null) return [];
  runHistory.truncateAfter(tMs);
  live = null;
  markPage(false);
  useReplay.setState({ viewingMs: null, headMs: tMs, rebuildingToMs: tMs, eventCount: runHistory.allEvents().length });
  return bridge ? [{ type: 'rewind', tMs, gen: bridge.nextRunGen() }] : [];
}

function before(msg: ToWorker): ToWorker[] {
  if (msg.type === 'load') {
    runHistory.clear();
    live = null;
    markPage(false);
    useReplay.setState({ viewingMs: null, headMs: 0, rebuildingToMs: null, eventCount: 0 });
    return [];
  }
  return MOVES_ON.has(msg.type) && live !== null ? fork() : [];
}

const tap: RunTap = {
  seen,
  divert(update) {
    if (live === null) return false;
    live = update(live);
    return true;
  },
  before,
  seek,
};

/** Starts keeping the run's history (once, at start-up). */
export function startReplay(link: BridgeLink): void {
  bridge = link;
  link.setRunTap(tap);
}
