/**
 * Connects the store to the engine worker: worker messages become run-slice updates, and
 * run actions become worker commands. The client lives here at module level, not in the
 * store, because the store holds plain data only.
 */
import type { Report } from '../engine/metrics/report';
import type { EngineClient } from '../worker/engineClient';
import type { FromWorker, LiveEvent, ToWorker } from '../worker/protocol';
import { useStore } from './index';
import { mergeSnapshot } from './mergeSnapshot';
import type { RunState, Scenario } from './types';

const MAX_TRACES = 100;

let client: EngineClient | null = null;
/**
 * Snapshots are folded in at most once per animation frame. If the page falls behind (a
 * slow machine, a busy projector laptop), only the newest picture is drawn and the events
 * of the skipped ones are kept, so a backlog can never build up behind the worker.
 */
type SnapshotMsg = Extract<FromWorker, { type: 'snapshot' }>;
let pending: { msg: SnapshotMsg; events: LiveEvent[] } | null = null;
/** The run the page is showing; messages about an earlier run (still in flight) are dropped. */
let runGen = 0;

/**
 * The scenario the worker runs: the one it was last loaded with, moved on by the live changes
 * sent since. Edits are compared with it (not with the previous edit), so that while the
 * scenario being edited cannot run, the worker keeps the last version that could, and the
 * first edit that makes it runnable again brings the worker up to date in one step.
 */
let running: Scenario | null = null;

/**
 * The replay timeline (store/replay), loaded after the first screen: it sees every message of
 * the current run, takes the run-slice updates while the page shows the past, and may send a
 * command of its own before one (a rewind before Play from the past).
 */
export interface RunTap {
  seen(msg: FromWorker): void;
  /** True when it took the update (the page shows the past). */
  divert(update: (run: RunState) => RunState): boolean;
  before(msg: ToWorker): ToWorker[];
  seek(tMs: number): void;
}
let tap: RunTap | null = null;
/** What the run said before the tap was there (the first picture at time 0). */
const early: FromWorker[] = [];

export function setRunTap(t: RunTap): void {
  tap = t;
  for (const msg of early.splice(0)) t.seen(msg);
}

/** Shows the run as it was at tMs (when the timeline has loaded). */
export const seekRun = (tMs: number): void => tap?.seek(tMs);

export const runningScenario = (): Scenario | null => running;

export function setRunningScenario(s: Scenario): void {
  running = s;
}

export function nextRunGen(): number {
  pending = null;
  early.length = 0;
  return ++runGen;
}

type TwinMsg = Extract<FromWorker, { type: 'twin' }>;
let twinListener: ((msg: TwinMsg) => void) | null = null;

/** Compare mode (loaded lazily) takes variant A's messages; null: none are expected. */
export function listenTwin(fn: ((msg: TwinMsg) => void) | null): void {
  twinListener = fn;
}

export function attachEngine(c: EngineClient | null): void {
  client = c;
  running = null;
}

export function send(msg: ToWorker): void {
  for (const first of tap?.before(msg) ?? []) client?.send(first);
  client?.send(msg);
}

const setRun = (fn: (run: RunState) => RunState) => {
  if (!tap?.divert(fn)) useStore.setState({ run: fn(useStore.getState().run) });
};


function flushSnapshot() {
  const p = pending;
  pending = null;
  if (p) setRun((r) => mergeSnapshot(r, p.msg.snapshot, p.msg.running, p.events));
}

function queueSnapshot(msg: SnapshotMsg) {
  const first = pending === null;
  const events = msg.snapshot.newEvents;
  pending = { msg, events: pending ? [...pending.events, ...events] : events };
  if (!first) return;
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function';
  if (visible) requestAnimationFrame(flushSnapshot);
  else setTimeout(flushSnapshot, 16);
}

/** Report requests waiting for the worker's answer, by id. */
const reportWaiting = new Map<number, (r: Report | null) => void>();
let reportId = 0;

/** The full report of the run on screen, as the worker has it now (null without an engine or a run). */
export function requestReport(): Promise<Report | null> {
  if (!client) return Promise.resolve(null);
  const id = ++reportId;
  return new Promise((resolve) => {
    reportWaiting.set(id, resolve);
    send({ type: 'report', id });
  });
}

export function onWorkerMessage(msg: FromWorker): void {
  if ('gen' in msg && msg.gen !== runGen) return;
  if (tap) tap.seen(msg);
  else if (early.length < 300) early.push(msg);
  switch (msg.type) {
    case 'report':
      reportWaiting.get(msg.id)?.(msg.report);
      return void reportWaiting.delete(msg.id);
    case 'ready':
      return setRun((r) => ({ ...r, capabilities: msg.capabilities }));
    case 'snapshot':
      return queueSnapshot(msg);
    case 'series':
      return setRun((r) => ({
        ...r,
        series: msg.window,
        traces: msg.traces ? msg.traces.slice(-MAX_TRACES) : r.traces,
      }));
    case 'faults':
      return setRun((r) => ({ ...r, faults: msg.active }));
    case 'twin':
      return twinListener?.(msg);
    case 'goals':
      return useStore.setState((s) => {
        if (s.lesson.open) s.lesson.open.live = { nowMs: msg.nowMs, verdicts: msg.verdicts };
      });
    case 'done':
      return setRun((r) => ({ ...r, status: 'done', message: `Run finished: ${msg.reason}` }));
    case 'ended':
      return setRun((r) => ({ ...r, status: 'done', summary: msg.summary }));
    case 'error':
      setRun((r) => ({ ...r, message: msg.message }));
      return useStore.setState((s) => {
        s.ui.notice = { tone: 'error', title: 'The engine reported a problem', lines: [msg.message] };
      });
  }
}
