/**
 * The Sweep panel's form and results, kept outside the panel so a sweep runs on (and its
 * chart stays) while another tab is open. Lives in the panel's lazy chunk.
 */
import { create } from 'zustand';
import type { ScenarioInput } from '../../engine/model';
import type { SweepField } from '../../sweep/fields';
import type { RunFigures } from '../../sweep/figures';
import type { SweepProblem } from '../../sweep/plan';
import { rangeValues, SweepRangeError, type SweepValue } from '../../sweep/values';
import { runSweepInWorker, type SweepRunner } from '../../worker/sweepClient';

/** The most runs (values times seeds) one sweep in the page may take. */
export const MAX_PAGE_RUNS = 400;

export interface SweepForm {
  path: string;
  from: string;
  to: string;
  step: string;
  seeds: string;
  /** Simulated seconds per run. */
  seconds: string;
}

/** What a sweep under way (or finished) ran: the axis of its charts. */
export interface SweepPlan {
  field: SweepField;
  values: SweepValue[];
  seeds: number[];
  durationMs: number;
}

export interface SweepState {
  form: SweepForm | null;
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  plan: SweepPlan | null;
  runs: RunFigures[];
  /** Why the form cannot run, or why the sweep stopped. */
  message: string | null;
}

export const useSweep = create<SweepState>(() => ({ form: null, status: 'idle', plan: null, runs: [], message: null }));

/** The sweep under way; its callbacks check they still belong to it (a new sweep replaces it). */
let current: { cancel: () => void } | null = null;

export function formFor(field: SweepField, seeds = '1', seconds = ''): SweepForm {
  return { path: field.path, from: String(field.range.from), to: String(field.range.to), step: String(field.range.step), seeds, seconds };
}

export function editForm(patch: Partial<SweepForm>): void {
  useSweep.setState((s) => ({ form: s.form ? { ...s.form, ...patch } : null, message: null }));
}

export function setForm(form: SweepForm): void {
  useSweep.setState({ form, message: null });
}

const whole = (raw: string, what: string, min: number, max: number) => {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max) throw new SweepRangeError(`${what} must be a whole number from ${min} to ${max}`);
  return n;
};
const number = (raw: string, what: string) => {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new SweepRangeError(`${what} must be a number`);
  return n;
};

/** Reads the form into a plan, or says (in the form's words) what is wrong with it. */
export function planOf(form: SweepForm, field: SweepField, scenario: ScenarioInput & { seed?: number; durationMs?: number }): { plan: SweepPlan } | { error: string } {
  try {
    const values = rangeValues(number(form.from, 'From'), number(form.to, 'To'), number(form.step, 'The step'), MAX_PAGE_RUNS);
    const seedCount = whole(form.seeds, 'Seeds', 1, 20);
    if (values.length * seedCount > MAX_PAGE_RUNS) throw new SweepRangeError(`${values.length} values times ${seedCount} seeds is ${values.length * seedCount} runs, more than ${MAX_PAGE_RUNS}; take a larger step or fewer seeds`);
    const durationMs = form.seconds.trim() === '' ? (scenario.durationMs ?? 60_000) : whole(form.seconds, 'Seconds per run', 1, 3600) * 1000;
    const first = scenario.seed ?? 1;
    return { plan: { field, values, seeds: Array.from({ length: seedCount }, (_, k) => first + k), durationMs } };
  } catch (e) {
    if (e instanceof SweepRangeError) return { error: e.message.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase()) };
    throw e;
  }
}

/** A problem the sweep's worker found, in the words of the form. */
export const problemText = (field: SweepField, p: SweepProblem) => (p.at === 'value' ? `${field.label} = ${String(p.value)}: ${p.message}` : `${field.label}: ${p.message}`);

/** Starts the sweep the form describes (ending one under way); false when the form is wrong. */
export function startSweep(field: SweepField, scenario: ScenarioInput, runner: SweepRunner = runSweepInWorker): boolean {
  const form = useSweep.getState().form;
  if (!form) return false;
  const planned = planOf(form, field, scenario);
  if ('error' in planned) {
    useSweep.setState({ message: planned.error });
    return false;
  }
  current?.cancel();
  const { plan } = planned;
  const runs: RunFigures[] = [];
  useSweep.setState({ status: 'running', plan, runs: [], message: null });
  const token = { cancel: () => {} };
  current = token;
  const stillMine = () => current === token;
  token.cancel = runner({ scenario, path: field.path, values: plan.values, seeds: plan.seeds, durationMs: plan.durationMs }, {
    invalid(problem) {
      if (!stillMine()) return;
      current = null;
      useSweep.setState({ status: 'idle', plan: null, message: problemText(field, problem) });
    },
    run(index, figures) {
      if (!stillMine()) return;
      runs[index] = figures;
      useSweep.setState({ runs: runs.slice() });
    },
    done() {
      if (!stillMine()) return;
      current = null;
      useSweep.setState({ status: 'done' });
    },
    failed(message) {
      if (!stillMine()) return;
      current = null;
      useSweep.setState({ status: 'failed', message });
    },
  });
  return true;
}

export function cancelSweep(): void {
  if (!current) return;
  current.cancel();
  current = null;
  useSweep.setState({ status: 'cancelled' });
}
