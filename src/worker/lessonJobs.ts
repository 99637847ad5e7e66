/**
 * The long lesson jobs (the full check of a run on every seed, the four proofs, the figures a
 * goal can name), done in a worker of their own so the live run never waits for them. Plain
 * module: the worker file only wires it to postMessage; tests call it directly.
 */
import type { Scenario, ScenarioInput } from '../engine/model';
import { createSimulation } from '../engine/simulation';
import { checkLesson } from '../lessons/checkLesson';
import { proveLesson } from '../lessons/proofs';
import type { Lesson, LessonResult, ProofResult } from '../lessons/types';

export type LessonJob =
  | { type: 'check'; lesson: Lesson; scenario: ScenarioInput }
  | { type: 'prove'; lesson: Lesson }
  | { type: 'paths'; scenario: Scenario; durationMs: number; seed: number };

export type LessonJobAnswer =
  | { type: 'check'; result: LessonResult }
  | { type: 'prove'; proofs: ProofResult[] }
  | { type: 'paths'; paths: ReportFigure[] }
  | { type: 'error'; message: string };

export type ToLessonWorker = LessonJob & { id: number };
export type FromLessonWorker = LessonJobAnswer & { id: number };

/** A number in the report and its dot path (as goals name it: clients.buyers.latencyMs.p99). */
export interface ReportFigure {
  path: string;
  value: number;
}

/** Report fields that describe the run rather than measure the system. */
const NOT_FIGURES = new Set(['seed', 'durationMs', 'warmupMs', 'simulatedMs', 'eventsProcessed', 'wallMs', 'eventsDropped', 'series', 'events', 'traces', 'warnings', 'name', 'stoppedEarly']);

/** Every number of a report, in report order, except the run's own settings and the series. */
export function reportFigures(report: object): ReportFigure[] {
  const out: ReportFigure[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number' && Number.isFinite(v)) out.push({ path, value: v });
    else if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  for (const [k, v] of Object.entries(report)) if (!NOT_FIGURES.has(k)) walk(v, k);
  return out;
}

export function runLessonJob(job: LessonJob): LessonJobAnswer {
  try {
    switch (job.type) {
      case 'check':
        return { type: 'check', result: checkLesson(job.lesson, job.scenario) };
      case 'prove':
        return { type: 'prove', proofs: proveLesson(job.lesson) };
      case 'paths': {
        const sim = createSimulation(job.scenario, { seed: job.seed });
        sim.runUntil(job.durationMs);
        return { type: 'paths', paths: reportFigures(sim.report()) };
      }
    }
  } catch (e) {
    return { type: 'error', message: (e as Error).message };
  }
}
