/**
 * Keeps the worker's simulation in step with the scenario being edited (including undo and
 * redo): live changes when the engine can take them, otherwise a restart with the new
 * scenario that keeps playing if it was playing.
 *
 * An edit that leaves the scenario unable to run (a saga dropped but not yet connected to
 * the services of its steps) is held back: the worker goes on with the last version that
 * could run, the page says why, and the first edit that makes the scenario runnable again
 * is compared with what the worker runs, so nothing made in between is lost.
 */
import type { ParseResult } from '../scenario/parse';
import { problemLine } from '../scenario/problems';
import { runningScenario, send, setRunningScenario } from './engineBridge';
import { useStore } from './index';
import { liveDiff } from './liveDiff';
import { problemLines } from './persistence';
import { reset } from './runActions';
import { checkScenario, nodeProblems } from './scenarioCheck';
import type { AppState } from './types';
import { showNotice } from './uiActions';

let paused = false;

/** Runs an edit that its caller sends to the worker itself (a fresh load), so sync skips it. */
export function withoutSync(fn: () => void): void {
  paused = true;
  try {
    fn();
  } finally {
    paused = false;
  }
}

export const HELD_TITLE = 'This edit cannot run yet: the simulation goes on with the scenario as it was';

/** The problems last reported while an edit is held back ('' when none is). */
let heldKey = '';

function hold(state: AppState, checked: Extract<ParseResult, { ok: false }>): void {
  const key = checked.problems.map(problemLine).join('\n');
  if (key === heldKey) return;
  heldKey = key;
  // When every problem is inside the selected node, its inspector shows them where they are.
  const sel = state.selection;
  if (sel?.type === 'node' && nodeProblems(state.scenario, sel.id).length === checked.problems.length) return;
  showNotice({ tone: 'error', title: HELD_TITLE, lines: problemLines(checked) });
}

function release(): void {
  if (heldKey === '') return;
  heldKey = '';
  if (useStore.getState().ui.notice?.title === HELD_TITLE) showNotice(null);
}

export function startScenarioSync(): () => void {
  heldKey = '';
  return useStore.subscribe((state, prev) => {
    if (paused || state.scenario === prev.scenario) return;
    const checked = checkScenario(state.scenario);
    if (!checked.ok) return hold(state, checked);
    release();
    const diff = liveDiff(runningScenario() ?? prev.scenario, state.scenario);
    if (diff.kind !== 'restart') {
      if (diff.kind === 'changes') for (const change of diff.changes) send({ type: 'change', change });
      setRunningScenario(state.scenario);
      return;
    }
    const wasRunning = state.run.status === 'running';
    const progressed = state.run.simTimeMs > 0;
    reset(wasRunning);
    if (progressed) showNotice({ tone: 'info', title: 'Simulation restarted', lines: [`Changing ${diff.reason} needs a fresh run, so the clock went back to 0.`] });
  });
}
