/**
 * Keeps the worker's simulation in step with the scenario being edited (including undo and
 * redo): live changes when the engine can take them, otherwise a restart with the new
 * scenario that keeps playing if it was playing.
 */
import { parseScenario } from '../scenario/parse';
import { send } from './engineBridge';
import { useStore } from './index';
import { liveDiff } from './liveDiff';
import { reset } from './runActions';

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

export function startScenarioSync(): () => void {
  return useStore.subscribe((state, prev) => {
    if (paused || state.scenario === prev.scenario) return;
    const diff = liveDiff(prev.scenario, state.scenario);
    if (diff.kind === 'none') return;
    if (diff.kind === 'changes') {
      for (const change of diff.changes) send({ type: 'change', change });
      return;
    }
    const checked = parseScenario(state.scenario);
    if (!checked.ok) {
      useStore.setState((s) => {
        s.ui.notice = { tone: 'error', title: 'The scenario cannot run as it is', lines: checked.problems.map((p) => `${p.path}: ${p.message}`) };
      });
      return;
    }
    const wasRunning = state.run.status === 'running';
    const progressed = state.run.simTimeMs > 0;
    reset(wasRunning);
    if (progressed) {
      useStore.setState((s) => {
        s.ui.notice = { tone: 'info', title: 'Simulation restarted', lines: [`Changing ${diff.reason} needs a fresh run, so the clock went back to 0.`] };
      });
    }
  });
}
