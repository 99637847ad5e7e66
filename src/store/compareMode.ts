import { create } from 'zustand';
import { mergeTail } from '../compare/history';
import type { FromWorker } from '../worker/protocol';
import { compareHooks, noSeeds, useCompare } from './compareData';
import { listenTwin, runningScenario, send } from './engineBridge';
import { useStore } from './index';
import { reset } from './runActions';
import { replaceScenario } from './scenarioActions';
import type { Scenario } from './types';
import { togglePanel } from './uiActions';

/**
 * Compare mode: A is the scenario as it was when the mode began; B is the scenario being
 * edited (the canvas, the inspector, undo), which the page runs as always, while the engine
 * worker runs A beside it (worker/twin.ts). Entering and leaving are here, with the page;
 * the panel, its charts and the runs over several seeds load the first time they are shown.
 */
export const useCompareMode = create<{ on: boolean }>(() => ({ on: false }));

function onTwin(msg: Extract<FromWorker, { type: 'twin' }>): void {
  useCompare.setState((s) => ({
    aSnapshot: msg.snapshot ?? s.aSnapshot,
    aSeries: msg.window ?? s.aSeries,
    aPast: msg.window ? mergeTail(s.aPast, msg.window) : s.aPast,
    measures: msg.measures ?? s.measures,
  }));
}

/** The scenario B runs: the one being edited, or while an edit is held back, the last that could run. */
export const bScenario = (): Scenario => runningScenario() ?? useStore.getState().scenario;

const stopSeeds = () => compareHooks.stopSeeds();

/** Starts Compare mode: A is a copy of the scenario now; both start over at 0 on the same seed. */
export function enterCompare(): void {
  const a = bScenario();
  stopSeeds();
  useCompare.setState({ a, aSnapshot: null, aSeries: null, aPast: null, measures: null, multi: noSeeds(), badges: {} });
  listenTwin(onTwin);
  send({ type: 'setTwin', scenario: a });
  useCompareMode.setState({ on: true });
  if (useStore.getState().ui.collapsed.dashboard) togglePanel('dashboard');
  reset();
}

/**
 * Leaves Compare mode keeping one variant: B goes on as it is (A stops beside it); keeping
 * A makes it the scenario again, an edit that undo can take back.
 */
export function leaveCompare(keep: 'a' | 'b'): void {
  const a = useCompare.getState().a;
  stopSeeds();
  send({ type: 'setTwin', scenario: null });
  listenTwin(null);
  useCompareMode.setState({ on: false });
  useCompare.setState({ a: null, aSnapshot: null, aSeries: null, aPast: null, measures: null, multi: noSeeds(), badges: {} });
  if (keep === 'a' && a && a !== useStore.getState().scenario) replaceScenario(a);
}

/** The toolbar's button: on, or off keeping B (what the canvas shows). */
export function toggleCompare(): void {
  if (useCompareMode.getState().on) leaveCompare('b');
  else enterCompare();
}

compareHooks.leave = leaveCompare;
compareHooks.bScenario = bScenario;
