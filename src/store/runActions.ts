/** Run commands: plain functions any component, shortcut or test can call without hooks. */
import type { FaultSpec, Speed } from '../worker/protocol';
import { nextRunGen, runningScenario, send, setRunningScenario } from './engineBridge';
import { useStore } from './index';
import { initialRun } from './runSlice';
import { isRunnable } from './scenarioCheck';
import type { RunState } from './types';

const run = () => useStore.getState().run;
const patchRun = (p: Partial<RunState>) => useStore.setState({ run: { ...run(), ...p } });

/** Simulated time one press of Step advances. */
export const STEP_MS = 1000;
export const SPIKE = { multiplier: 5, durationMs: 30_000 };

/** Plays; at the scenario's end it runs on past it (the summary's Continue), until paused. */
export function play(): void {
  patchRun({ status: 'running', message: null, summary: null });
  send({ type: 'play' });
}

export function pause(): void {
  patchRun({ status: 'paused' });
  send({ type: 'pause' });
}

export function togglePlay(): void {
  if (run().status === 'running') pause();
  else play();
}

export function step(): void {
  patchRun({ status: 'paused' });
  send({ type: 'step', ms: STEP_MS });
}

/**
 * Loads the current scenario afresh at time 0 (paused); speed and chaos settings stay. While
 * the scenario being edited cannot run (a saga not yet connected), the last one that could
 * is loaded instead.
 */
export function reset(keepRunning = false): void {
  const r = run();
  const edited = useStore.getState().scenario;
  const last = runningScenario();
  const scenario = last && !isRunnable(edited) ? last : edited;
  setRunningScenario(scenario);
  useStore.setState({ run: { ...initialRun(), speed: r.speed, chaos: r.chaos, capabilities: r.capabilities, status: keepRunning ? 'running' : 'idle' } });
  send({ type: 'load', scenario, gen: nextRunGen(), keepRunning });
  send({ type: 'setSpeed', speed: r.speed });
  if (r.chaos.enabled) send({ type: 'setChaos', ...r.chaos });
}

export function setSpeed(speed: Speed): void {
  patchRun({ speed });
  send({ type: 'setSpeed', speed });
}

export function sendRps(node: string, rps: number): void {
  send({ type: 'change', change: { type: 'setRps', node, rps } });
}

export function spike(node: string): void {
  send({ type: 'change', change: { type: 'spike', node, ...SPIKE } });
}

export function startFault(fault: FaultSpec): void {
  send({ type: 'startFault', fault });
}

export function stopFault(id: string): void {
  send({ type: 'stopFault', id });
}

export function setChaos(enabled: boolean, perMinute: number): void {
  patchRun({ chaos: { enabled, perMinute } });
  send({ type: 'setChaos', enabled, perMinute });
}
