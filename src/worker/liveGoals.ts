/**
 * A lesson's goals evaluated on the live run, in the worker so the page never builds a
 * report: at most a few times a wall second (a report costs more than a snapshot), and once
 * more whenever the run stops. Goals whose window has not ended yet come back 'pending'.
 */
import type { Report } from '../engine/metrics/report';
import type { Scenario } from '../engine/model';
import { createSimulation, type Simulation } from '../engine/simulation';
import { applyGiven, evaluateGoals, type Lesson, type Verdict } from '../lessonsAdapter';
import { parseScenario } from '../scenario/parse';
import { lessonRun } from './lessonRun';

/** Wall time between two evaluations of a playing run. */
export const GOALS_EVERY_MS = 300;

const usesReference = (lesson: Lesson) => JSON.stringify(lesson.goals).includes('"reference"');

export function createLiveGoals(evaluate: typeof evaluateGoals = evaluateGoals) {
  let lesson: Lesson | null = null;
  let lastWall = -Infinity;
  /** The lesson's reference runs (its start scenario), one per seed, made when first needed. */
  const references = new Map<number, Report>();

  function reference(seed: number): Report | undefined {
    if (!lesson || !usesReference(lesson)) return undefined;
    let r = references.get(seed);
    if (!r) {
      const parsed = parseScenario(applyGiven(lesson, lesson.scenario));
      if (!parsed.ok) return undefined;
      const run = lessonRun(lesson);
      const sim = createSimulation(parsed.scenario, { seed, warmupMs: run.warmupMs });
      sim.runUntil(run.durationMs);
      r = sim.report();
      references.set(seed, r);
    }
    return r;
  }

  return {
    /** A new lesson, or the same one again (it arrives with each edit of the scenario). */
    set(next: Lesson | null) {
      if (JSON.stringify(next) !== JSON.stringify(lesson)) references.clear();
      lesson = next;
      lastWall = -Infinity;
    },
    active: () => lesson !== null,
    /** The verdicts now, or null when there is no lesson or the last ones are too recent. */
    evaluate(sim: Simulation, scenario: Scenario, wallMs: number, force: boolean): Verdict[] | null {
      if (!lesson || (!force && wallMs - lastWall < GOALS_EVERY_MS)) return null;
      lastWall = wallMs;
      return evaluate(lesson, sim.report(), { reference: reference(sim.seed), nowMs: sim.now(), final: false, scenario });
    },
  };
}

export type LiveGoals = ReturnType<typeof createLiveGoals>;
