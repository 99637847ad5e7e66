import { runLessonJob, type FromLessonWorker, type ToLessonWorker } from './lessonJobs';

// As in engine.worker.ts: the worker's global described by the little of it used here.
const scope = self as unknown as { postMessage(msg: FromLessonWorker): void; onmessage: ((e: MessageEvent<ToLessonWorker>) => void) | null };

scope.onmessage = (e) => {
  const { id, ...job } = e.data;
  scope.postMessage({ id, ...runLessonJob(job) });
};
