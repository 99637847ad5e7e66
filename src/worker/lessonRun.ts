/**
 * A lesson's run settings with the file's defaults filled in: its seeds, and the duration and
 * warm-up of its run, else of its scenario, else the scenario format's own defaults.
 */
import type { Lesson } from '../lessonsAdapter';

const SCENARIO_DEFAULT_DURATION_MS = 60_000;

export interface LessonRunSettings {
  seeds: number[];
  durationMs: number;
  warmupMs: number;
}

export function lessonRun(lesson: Lesson): LessonRunSettings {
  const s = lesson.scenario as { durationMs?: number; warmupMs?: number };
  return {
    seeds: lesson.run.seeds.length > 0 ? lesson.run.seeds : [1],
    durationMs: lesson.run.durationMs ?? s.durationMs ?? SCENARIO_DEFAULT_DURATION_MS,
    warmupMs: lesson.run.warmupMs ?? s.warmupMs ?? 0,
  };
}
