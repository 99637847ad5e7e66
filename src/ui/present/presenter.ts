/**
 * Presenter mode's actions: moving through the script by key and by time, and firing a
 * beat through the page's own live controls (the same commands the fault menu and the load
 * panel send), so a beat does the same whether the clock or the arrow key brings it on.
 */
import { useStore } from '../../store';
import { send } from '../../store/engineBridge';
import { runStepAction } from '../../store/lessonActions';
import { play, reset, sendRps, startFault, stopFault } from '../../store/runActions';
import type { AppState } from '../../store/types';
import type { ChartPanel } from '../../engine/presentation/schema';
import { startPresenting, stopPresenting, usePresent } from './presentState';
import { advance, back, dueBeats, scriptOf, START, type Cursor, type Script, type ScriptBeat } from './script';

let memo: { scenario: AppState['scenario']; lesson: unknown; script: Script } | null = null;

/** The script being presented (recomputed only when the scenario or the lesson changes). */
export function currentScript(s: AppState = useStore.getState()): Script {
  const lesson = s.lesson.open?.lesson ?? null;
  if (memo?.scenario !== s.scenario || memo.lesson !== lesson) memo = { scenario: s.scenario, lesson, script: scriptOf(s.scenario, lesson) };
  return memo.script;
}

/**
 * A beat's action, then Play when the run stands still: what a beat does shows only as the
 * run moves on (as a lesson step's action plays the run).
 */
export function fireBeat(b: ScriptBeat): void {
  if (b.stepAction) return runStepAction(b.stepAction);
  const a = b.action;
  if (!a) return;
  if (a.fault) startFault(a.fault);
  else if (a.spike) send({ type: 'change', change: { type: 'spike', ...a.spike } });
  else if (a.setRps) sendRps(a.setRps.node, a.setRps.rps);
  else if (a.heal) for (const f of useStore.getState().run.faults) stopFault(f.id);
  if (useStore.getState().run.status !== 'running') play();
}

function moveTo(cursor: Cursor, beats: readonly ScriptBeat[]): void {
  usePresent.setState({ cursor, focus: cursor.shown >= 0 ? beats[cursor.shown]?.focus ?? [] : [] });
}

export function nextBeat(): void {
  const { beats } = currentScript();
  const { cursor, fire } = advance(usePresent.getState().cursor, beats.length);
  moveTo(cursor, beats);
  if (fire !== null) fireBeat(beats[fire]);
}

export function previousBeat(): void {
  moveTo(back(usePresent.getState().cursor), currentScript().beats);
}

/**
 * Fires the beats whose time the run reaches, and rewinds the script when the run goes back
 * to time 0 (Reset). Returns the unsubscribe.
 */
export function startBeatClock(): () => void {
  const check = (t: number) => {
    const { beats } = currentScript();
    const { cursor, fire } = dueBeats(usePresent.getState().cursor, beats, t);
    if (fire.length === 0) return;
    moveTo(cursor, beats);
    for (const i of fire) fireBeat(beats[i]);
  };
  check(useStore.getState().run.simTimeMs);
  return useStore.subscribe((s, prev) => {
    const t = s.run.simTimeMs;
    // Reset loads the run afresh: the clock goes back, or the run turns idle at 0 again.
    const rewound = t < prev.run.simTimeMs || (s.run.status === 'idle' && prev.run.status !== 'idle');
    if (rewound) moveTo(START, currentScript(s).beats);
    if (rewound || t !== prev.run.simTimeMs) check(t);
  });
}

let projectorBefore = false;

/**
 * Presenter mode takes the projector's large type and starts the script from the beginning:
 * a run already under way goes back to time 0, so the beats play as written.
 */
export function enterPresenter(): void {
  const s = useStore.getState();
  projectorBefore = s.ui.projector;
  const script = currentScript(s);
  const panels: ChartPanel[] = s.scenario.presentation?.panels ?? ['clients'];
  useStore.setState((st) => {
    st.ui.projector = true;
    st.selection = null;
  });
  if (script.beats.length > 0 && s.run.simTimeMs > 0) reset(false);
  startPresenting(panels);
}

export function exitPresenter(): void {
  stopPresenting();
  useStore.setState((st) => {
    st.ui.projector = projectorBefore;
  });
}

export function togglePanel(p: ChartPanel): void {
  usePresent.setState((s) => ({ panels: s.panels.includes(p) ? s.panels.filter((x) => x !== p) : [...s.panels, p] }));
}
