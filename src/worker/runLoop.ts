/**
 * The worker's run loop as a plain module: it owns one simulation, answers commands and
 * advances simulated time in short wall-clock slices, so a Pause is handled between two
 * slices (well within 100 ms) even at "as fast as possible". The worker file only wires it
 * to postMessage; tests drive it with a fake clock and scheduler.
 */
import type { Snapshot } from '../engine/metrics/snapshot';
import { killInstanceFault } from '../engine/faults/kinds/killInstance';
import { kindCan } from '../engine/kinds';
import type { Scenario } from '../engine/model';
import { createSimulation, type Simulation } from '../engine/simulation';
import { mulberry32, nextKillAt, pickVictim, type Chaos } from './chaos';
import { createLiveGoals } from './liveGoals';
import { createReplayRecorder } from './replayRecorder';
import { SERIES_WINDOW_MS, withPageTracing, type ActiveFault, type FaultSpec, type FromWorker, type Speed, type ToWorker } from './protocol';
import { summarizeRun } from './runSummary';
import { seriesWindow } from './seriesWindow';
import { createTwin } from './twin';

export interface LoopHost {
  post(msg: FromWorker): void;
  /** Wall clock in ms. */
  nowMs(): number;
  schedule(fn: () => void, delayMs: number): void;
}

/** Longest stretch of work between two looks at the message queue. */
export const SLICE_MS = 20;
export const FRAME_MS = 16;
export const SNAPSHOT_EVERY_MS = 100;
export const SERIES_EVERY_MS = 1000;
/** A stalled tab must not make the run leap ahead when it wakes. */
const MAX_FRAME_GAP_MS = 250;
export const CHAOS_KILL_MS = 20_000;

export function createRunLoop(host: LoopHost) {
  let sim: Simulation | null = null;
  let loaded: Scenario | null = null;
  /** The page's scenario as edited (live edits do not reload the run); structural goals read it. */
  let edited: Scenario | null = null;
  const goals = createLiveGoals();
  /** Frames and the journal of live changes, for the replay timeline (replayRecorder.ts). */
  const replay = createReplayRecorder();
  let gen = 0;
  let running = false;
  let speed: Speed = 1;
  let scheduled = false;
  let lastFrameWall = 0;
  /**
   * Simulated time a paced run (1x to 100x) fell behind in its last slice. It is carried into
   * the next frame, which starts at once rather than after a frame's sleep: a machine that
   * cannot keep the pace (Compare mode steps two runs) then runs as fast as it can, and the
   * run catches up when the pace drops, instead of losing the time of every sleep.
   */
  let owedMs = 0;
  let lastSnapshotWall = -Infinity;
  let lastSeriesWall = -Infinity;
  let chunkMs = 50;
  let lastSnap: Snapshot | null = null;
  let faultKey = '';
  const chaosIds = new Set<string>();
  let chaos: Chaos = { enabled: false, perMinute: 0, nextAtMs: Infinity };
  let rand = mulberry32(1);
  let killable = new Set<string>();
  /**
   * Play stops at the scenario's durationMs and posts a summary of the run; Play from there on
   * (the summary's Continue) runs past it, open-ended, until paused. Reset starts over.
   */
  let openEnded = false;
  const post = host.post;
  /** Compare mode's variant A, kept at this run's simulated time (twin.ts). */
  const twin = createTwin(post);

  function requireSim(): Simulation {
    if (!sim) throw new Error('no scenario loaded');
    return sim;
  }

  function load(input: Scenario, runGen: number, keepRunning: boolean) {
    const s = withPageTracing(input);
    gen = runGen;
    sim = createSimulation(s);
    twin.load(s, runGen);
    loaded = s;
    edited = null;
    openEnded = false;
    running = keepRunning && running;
    owedMs = 0;
    lastSnap = null;
    faultKey = '';
    chaosIds.clear();
    rand = mulberry32(s.seed ^ 0x5eed);
    chaos = { ...chaos, nextAtMs: chaos.enabled ? nextKillAt(0, chaos.perMinute, rand) : Infinity };
    killable = new Set(s.nodes.filter((n) => kindCan(n.kind, 'chaos')).map((n) => n.id));
    replay.clearJournal();
    replay.start(sim);
    post({ type: 'ready', gen, capabilities: { traces: (s.tracing?.sampleRate ?? 0) > 0 } });
    postFaults(true);
    postSnapshot();
    postSeries();
    if (running) wake();
  }

  /** Posts the active faults when they changed (or when forced). */
  function postFaults(force = false) {
    const active = requireSim().activeFaults();
    const key = active.map((f) => f.id).join(',');
    if (!force && key === faultKey) return;
    faultKey = key;
    const list: ActiveFault[] = active.map((f) => ({ id: f.id, fault: f.fault, startedAtMs: f.sinceMs, byChaos: chaosIds.has(f.id) }));
    post({ type: 'faults', gen, active: list });
  }

  function postSnapshot() {
    const snap = requireSim().snapshot();
    const held = replay.takeHeldEvents();
    if (held.length > 0) snap.newEvents = held.concat(snap.newEvents);
    lastSnap = snap;
    post({ type: 'snapshot', gen, running, snapshot: snap });
    twin.postSnapshot();
    postFaults();
    postGoals(!running);
    lastSnapshotWall = host.nowMs();
  }

  function postGoals(force: boolean) {
    if (!sim || !loaded || !goals.active()) return;
    try {
      const verdicts = goals.evaluate(sim, edited ?? loaded, host.nowMs(), force);
      if (verdicts) post({ type: 'goals', gen, nowMs: sim.now(), verdicts });
    } catch (e) {
      goals.set(null);
      post({ type: 'error', message: `The lesson's goals could not be evaluated: ${(e as Error).message}` });
    }
  }

  function postSeries() {
    const s = requireSim();
    const now = s.now();
    post({ type: 'series', gen, simTimeMs: now, window: seriesWindow(s.series(now - SERIES_WINDOW_MS), now, SERIES_WINDOW_MS), traces: s.traces() ?? null, history: replay.takeHistory(s) });
    twin.postSeries(s);
    lastSeriesWall = host.nowMs();
  }

  function inject(fault: FaultSpec, byChaos: boolean) {
    const s = requireSim();
    const id = s.startFault(fault);
    twin.startFault(fault, id);
    replay.record(s.now(), { type: 'startFault', fault });
    if (byChaos) chaosIds.add(id);
    postFaults();
  }

  /** Advances toward targetMs in chunks sized so that one chunk costs a few ms of wall time. */
  function advance(targetMs: number, deadlineWall: number) {
    const s = requireSim();
    while (s.now() < targetMs) {
      const end = Math.min(targetMs, s.now() + chunkMs, chaos.enabled ? chaos.nextAtMs : Infinity, replay.nextStopMs());
      const t0 = host.nowMs();
      const ok = s.runUntil(end);
      twin.follow(s.now());
      const cost = host.nowMs() - t0;
      replay.capture(s);
      if (cost < 2) chunkMs = Math.min(chunkMs * 2, 60_000);
      else if (cost > 8) chunkMs = Math.max(chunkMs / 2, 1);
      if (!ok) {
        running = false;
        post({ type: 'done', gen, reason: s.stoppedEarly() ?? 'the run stopped' });
        return;
      }
      if (chaos.enabled && s.now() >= chaos.nextAtMs) chaosStrike(s);
      if (host.nowMs() >= deadlineWall) return;
    }
  }

  function chaosStrike(s: Simulation) {
    chaos.nextAtMs = nextKillAt(s.now(), chaos.perMinute, rand);
    const victim = pickVictim(lastSnap, killable, rand);
    // A chaos kill heals after a while, as an orchestrator would restart the pod.
    if (victim) inject({ kind: killInstanceFault.kind, target: victim, durationMs: CHAOS_KILL_MS }, true);
  }

  /** Where Play stops by itself: the scenario's end, until someone runs on past it. */
  const endMs = (s: Simulation) => (openEnded ? Infinity : s.durationMs);

  function frame() {
    scheduled = false;
    if (!running || !sim) return;
    const wall = host.nowMs();
    const gap = Math.min(Math.max(0, wall - lastFrameWall), MAX_FRAME_GAP_MS);
    lastFrameWall = wall;
    const end = endMs(sim);
    const target = Math.min(end, speed === 'max' ? Infinity : sim.now() + owedMs + gap * speed);
    try {
      advance(target, wall + SLICE_MS);
      owedMs = speed === 'max' ? 0 : Math.min(Math.max(0, target - sim.now()), MAX_FRAME_GAP_MS * speed);
      const ended = running && sim.now() >= end;
      if (ended) running = false;
      if (host.nowMs() - lastSnapshotWall >= SNAPSHOT_EVERY_MS || !running) postSnapshot();
      if (host.nowMs() - lastSeriesWall >= SERIES_EVERY_MS || !running) postSeries();
      if (ended) post({ type: 'ended', gen, summary: summarizeRun(sim.report()) });
    } catch (e) {
      running = false;
      post({ type: 'error', message: (e as Error).message });
    }
    if (running) wake();
  }

  /** The run as it was at tMs, paused there, as run `runGen` (see the protocol's 'rewind'). */
  function rewind(tMs: number, runGen: number) {
    if (!loaded) throw new Error('no scenario loaded');
    // Compare mode's A starts over beside B and is taken along B's journal to the moment.
    twin.load(loaded, runGen);
    sim = replay.rebuild(loaded, tMs, twin.follower());
    twin.follow(tMs);
    gen = runGen;
    running = false;
    openEnded = false;
    lastSnap = null;
    chaos = { ...chaos, nextAtMs: chaos.enabled ? nextKillAt(tMs, chaos.perMinute, rand) : Infinity };
    post({ type: 'ready', gen, capabilities: { traces: (loaded.tracing?.sampleRate ?? 0) > 0 } });
    postFaults(true);
    postSnapshot();
    postSeries();
  }

  function wake() {
    if (scheduled) return;
    scheduled = true;
    host.schedule(frame, speed === 'max' || owedMs > 0 ? 0 : FRAME_MS);
  }

  function handle(msg: ToWorker): void {
    try {
      switch (msg.type) {
        case 'load': return load(msg.scenario, msg.gen, msg.keepRunning ?? false);
        case 'play': {
          const s = requireSim();
          if (running) return;
          // At the end, Play runs on past it.
          if (s.now() >= endMs(s)) openEnded = true;
          running = true;
          owedMs = 0;
          lastFrameWall = host.nowMs();
          postSnapshot();
          return wake();
        }
        case 'pause':
          if (!running) return;
          running = false;
          postSnapshot();
          return postSeries();
        case 'step': {
          const s = requireSim();
          running = false;
          advance(s.now() + msg.ms, Infinity);
          postSnapshot();
          return postSeries();
        }
        case 'setSpeed':
          speed = msg.speed;
          owedMs = 0;
          return;
        case 'change': {
          const s = requireSim();
          s.apply(msg.change);
          return replay.record(s.now(), { type: 'change', change: msg.change });
        }
        case 'startFault':
          return inject(msg.fault, false);
        case 'stopFault':
          requireSim().stopFault(msg.id);
          twin.stopFault(msg.id);
          replay.record(requireSim().now(), { type: 'stopFault', id: msg.id });
          return postFaults();
        case 'rewind':
          return rewind(msg.tMs, msg.gen);
        case 'setLesson':
          goals.set(msg.lesson);
          edited = msg.scenario ?? edited;
          return postGoals(true);
        case 'setTwin':
          return twin.set(msg.scenario);
        case 'setChaos':
          chaos = { enabled: msg.enabled, perMinute: msg.perMinute, nextAtMs: msg.enabled && sim ? nextKillAt(sim.now(), msg.perMinute, rand) : Infinity };
          return;
        case 'report':
          return post({ type: 'report', id: msg.id, report: sim ? sim.report() : null });
      }
    } catch (e) {
      post({ type: 'error', message: (e as Error).message });
    }
  }

  return { handle, isRunning: () => running };
}

export type RunLoop = ReturnType<typeof createRunLoop>;
