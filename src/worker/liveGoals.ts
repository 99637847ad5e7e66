/**
 * A lesson's goals evaluated on the live run, in the worker so the page never builds a
 * report: at most a few times a wall second (a report costs more than a snapshot), and once
 * more whenever the run stops. Goals whose window has not ended yet come back 'pending'.
 */
import type { Report } from '../engine/metrics/report';
import type { Scenario } from '../engine/model';
import type { Simulation } from '../engine/simulation';
import { startReport } from '../lessons/checkLesson';
import { evaluateGoals, leafChecks } from '../lessons/checks';
import type { Lesson, Verdict } from '../lessons/types';

/** Wall time between two evaluations of a playing run. */
export const GOALS_EVERY_MS = 300;

const usesReference = (lesson: Lesson) =>
  lesson.goals.some((g) => leafChecks(g.check).some(({ check }) => 'value' in check && typeof check.value === 'object' && 'reference' in check.value));

export function createLiveGoals(evaluate: typeof evaluateGoals = evaluateGoals) {
  let lesson: Lesson | null = null;
  let lastWall = -Infinity;

  /** The lesson's reference run on this seed (its start scenario), when a goal compares with it. */
  const reference = (l: Lesson, seed: number): Report | undefined => (usesReference(l) ? startReport(l, seed) : undefined);

  return {
    /**
     * A new lesson, or the same one again (it arrives with each edit of the scenario): the same
     * lesson keeps its object, so its reference runs are made once.
     */
    set(next: Lesson | null) {
      if (JSON.stringify(next) !== JSON.stringify(lesson)) lesson = next;
      lastWall = -Infinity;
    },
    active: () => lesson !== null,
    /** The verdicts now, or null when there is no lesson or the last ones are too recent. */
    evaluate(sim: Simulation, scenario: Scenario, wallMs: number, force: boolean): Verdict[] | null {
      if (!lesson || (!force && wallMs - lastWall < GOALS_EVERY_MS)) return null;
      lastWall = wallMs;
      return evaluate(lesson, sim.report(), { reference: reference(lesson, sim.seed), nowMs: sim.now(), final: false, scenario });
    },
  };
}

export type LiveGoals = ReturnType<typeof createLiveGoals>;
