/**
 * Holds the lesson worker's client (outside the state, like the engine's in engineBridge)
 * and hands it jobs. Tests attach a fake that answers jobs at once.
 */
import type { LessonClient } from '../worker/lessonClient';
import type { LessonJob, LessonJobAnswer } from '../worker/lessonJobs';

let client: LessonClient | null = null;

export function attachLessonWorker(c: LessonClient | null): void {
  client = c;
}

export function runLessonJob(job: LessonJob): Promise<LessonJobAnswer> {
  if (!client) return Promise.resolve({ type: 'error', message: 'the lesson checker is not running' });
  return client.run(job);
}
