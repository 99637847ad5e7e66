import type { Report } from '../engine/metrics/report';
import type { Scenario, ScenarioInput } from '../engine/model';
import { createSimulation } from '../engine/simulation';
import { parseScenario } from '../scenario/parse';
import { evaluateGoals, leafChecks } from './checks';
import { applyGiven } from './given';
import { LessonError, type GoalResult, type Lesson, type LessonResult, type Verdict } from './types';

export interface CheckOptions {
  /** The seeds to run (default: the lesson's run.seeds). */
  seeds?: number[];
  /** Names the scenario in error messages (a file name); default "scenario". */
  file?: string;
  /** Changes the scenario after the lesson's parts are put back (the 4x-capacity proof: locks must not undo it). */
  afterGiven?: (s: ScenarioInput) => ScenarioInput;
}

/** The verdicts of one seed's run. */
export interface SeedRun {
  seed: number;
  verdicts: Verdict[];
}

/** How long the lesson's runs last and what they leave out at the start: always the lesson's, never the student's. */
export function runSettings(lesson: Lesson): { durationMs: number; warmupMs: number } {
  return {
    durationMs: lesson.run.durationMs ?? lesson.scenario.durationMs ?? 60_000,
    warmupMs: lesson.run.warmupMs ?? lesson.scenario.warmupMs ?? 0,
  };
}

/** Runs a validated scenario for the lesson's duration on one seed. */
export function runForLesson(lesson: Lesson, scenario: Scenario, seed: number): Report {
  const { durationMs, warmupMs } = runSettings(lesson);
  const sim = createSimulation({ ...scenario, durationMs }, { seed, warmupMs });
  sim.runUntil(durationMs);
  return sim.report();
}

const startScenarios = new WeakMap<Lesson, Scenario>();
const startReports = new WeakMap<Lesson, Map<number, Report>>();

/** The lesson's start scenario, validated (a LessonError when it is not a valid scenario). */
export function startScenario(lesson: Lesson, file = `${lesson.id}.json`): Scenario {
  let s = startScenarios.get(lesson);
  if (!s) {
    const r = parseScenario(lesson.scenario);
    if (!r.ok) throw new LessonError(file, `scenario.${r.problems[0].path}`, r.problems[0].message);
    s = r.scenario;
    startScenarios.set(lesson, s);
  }
  return s;
}

/**
 * The start scenario's run on a seed: the lesson's reference run. Kept per lesson, so grading
 * a class, the proofs and path validation run it once per seed.
 */
export function startReport(lesson: Lesson, seed: number): Report {
  let bySeed = startReports.get(lesson);
  if (!bySeed) startReports.set(lesson, (bySeed = new Map()));
  let r = bySeed.get(seed);
  if (!r) {
    r = runForLesson(lesson, startScenario(lesson), seed);
    bySeed.set(seed, r);
  }
  return r;
}

const referenced = new WeakMap<Lesson, boolean>();
/** Whether some goal compares with the reference run (only then is it run). */
function usesReference(lesson: Lesson): boolean {
  let r = referenced.get(lesson);
  if (r === undefined) {
    r = lesson.goals.some((g) => leafChecks(g.check).some(({ check }) => 'value' in check && typeof check.value === 'object' && 'reference' in check.value));
    referenced.set(lesson, r);
  }
  return r;
}

/**
 * A student's scenario made ready to run: validated on its own (a LessonError when it is not
 * a scenario), then with the lesson's parts put back. `problem` says why that combination
 * cannot run, when it cannot.
 */
export function prepareScenario(lesson: Lesson, scenario: ScenarioInput, file = 'scenario', afterGiven?: (s: ScenarioInput) => ScenarioInput): { checked: ScenarioInput; parsed?: Scenario; problem?: string } {
  const own = parseScenario(scenario);
  if (!own.ok) throw new LessonError(file, own.problems[0].path, own.problems[0].message);
  const given = applyGiven(lesson, scenario);
  const checked = afterGiven ? afterGiven(given) : given;
  const parsed = parseScenario(checked);
  if (!parsed.ok) return { checked, problem: `with the lesson's own parts put back, the scenario is not valid: ${parsed.problems[0].path}: ${parsed.problems[0].message}` };
  return { checked, parsed: parsed.scenario };
}

/**
 * Runs a scenario (null: the lesson's start) on every seed, the lesson's parts put back
 * first, and judges every goal on each run. Throws LessonError when the student's scenario
 * is not a valid scenario on its own.
 */
export function runLessonSeeds(lesson: Lesson, scenario: ScenarioInput | null, opts: CheckOptions = {}): SeedRun[] {
  const seeds = opts.seeds ?? lesson.run.seeds;
  if (scenario === null) return seeds.map((seed) => judge(lesson, startReport(lesson, seed), lesson.scenario, seed));
  const { checked, parsed, problem } = prepareScenario(lesson, scenario, opts.file, opts.afterGiven);
  if (!parsed) return seeds.map((seed) => ({ seed, verdicts: lesson.goals.map((g) => failed(g.id, seed, problem!)) }));
  return seeds.map((seed) => judge(lesson, runForLesson(lesson, parsed, seed), checked, seed));
}

function judge(lesson: Lesson, report: Report, scenario: ScenarioInput, seed: number): SeedRun {
  if (report.stoppedEarly) return { seed, verdicts: lesson.goals.map((g) => failed(g.id, seed, `the run stopped early: ${report.stoppedEarly}`)) };
  const reference = usesReference(lesson) ? startReport(lesson, seed) : undefined;
  return { seed, verdicts: evaluateGoals(lesson, report, { reference, final: true, scenario }) };
}

const failed = (goal: string, seed: number, message: string): Verdict => ({ goal, status: 'fail', actual: null, limit: null, op: '', seed, message, error: message });

/** Checks a scenario (null: the start) against the lesson: a goal passes only if it passes on every seed. */
export function checkLesson(lesson: Lesson, scenario: ScenarioInput | null, opts: CheckOptions = {}): LessonResult {
  return summarize(lesson, runLessonSeeds(lesson, scenario, opts));
}

/** Folds the seeds' verdicts into one result per goal: the first failing seed's, or the closest call. */
export function summarize(lesson: Lesson, runs: readonly SeedRun[]): LessonResult {
  const goals: GoalResult[] = lesson.goals.map((g, k) => {
    const verdicts = runs.map((r) => r.verdicts[k]);
    const v = verdicts.find((x) => x.status === 'fail') ?? verdicts.find((x) => x.status === 'pending') ?? closest(verdicts);
    return {
      goal: g.id, label: g.label, bonus: g.bonus, status: v.status, actual: v.actual, limit: v.limit, op: v.op,
      ...(v.status === 'fail' && v.seed !== undefined ? { seed: v.seed } : {}),
      ...(v.brokeAtMs !== undefined ? { brokeAtMs: v.brokeAtMs } : {}),
      message: v.message,
    };
  });
  return { passed: goals.every((g) => g.bonus || g.status === 'pass'), goals, seeds: runs.map((r) => r.seed) };
}

/** Of passing verdicts, the one nearest its limit (the largest figure under a "<" limit, the smallest over a ">"). */
function closest(verdicts: readonly Verdict[]): Verdict {
  const nums = verdicts.filter((v) => typeof v.actual === 'number');
  if (nums.length < verdicts.length || nums.length === 0) return verdicts[0];
  const op = nums[0].op;
  const sign = op === '<' || op === '<=' ? 1 : op === '>' || op === '>=' ? -1 : 0;
  if (sign === 0) return verdicts[0];
  return nums.reduce((a, b) => ((b.actual as number) * sign > (a.actual as number) * sign ? b : a));
}
