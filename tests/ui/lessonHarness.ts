/**
 * Lessons for component tests: a small course of fixture files (not the repository's lessons,
 * which change as they are written) and a fake lesson worker whose answers a test decides.
 */
import { vi } from 'vitest';
import { parseLesson } from '../../src/lessons/loadLesson';
import type { Lesson, LessonResult, ProofResult } from '../../src/lessons/types';
import { attachLessonWorker } from '../../src/store/lessonBridge';
import type { LessonJob, LessonJobAnswer, ReportFigure } from '../../src/worker/lessonJobs';

export const FIXTURE_FILES = import.meta.glob('/tests/ui/fixtures/lessons/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

export function fixtureLesson(id: string): Lesson {
  const entry = Object.entries(FIXTURE_FILES).find(([p]) => p.endsWith(`/${id}.json`));
  if (!entry) throw new Error(`no fixture lesson ${id}`);
  return parseLesson(entry[1], `${id}.json`);
}

export interface FakeLessonWorker {
  jobs: LessonJob[];
  /** What the next check answers (a function of the scenario checked). */
  check: (job: Extract<LessonJob, { type: 'check' }>) => LessonResult;
  proofs: ProofResult[];
  figures: ReportFigure[];
}

export function fakeLessonWorker(): FakeLessonWorker {
  const fake: FakeLessonWorker = {
    jobs: [],
    check: () => ({ passed: false, goals: [], seeds: [1] }),
    proofs: [],
    figures: [],
  };
  attachLessonWorker({
    run: vi.fn(async (job: LessonJob): Promise<LessonJobAnswer> => {
      fake.jobs.push(job);
      if (job.type === 'check') return { type: 'check', result: fake.check(job) };
      if (job.type === 'prove') return { type: 'prove', proofs: fake.proofs };
      return { type: 'paths', paths: fake.figures };
    }),
    terminate: vi.fn(),
  });
  return fake;
}
