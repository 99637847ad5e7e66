/**
 * The page's handle on the lesson worker: each job is a promise of its answer. Behind a small
 * interface so component tests can answer jobs themselves.
 */
import type { FromLessonWorker, LessonJob, LessonJobAnswer, ToLessonWorker } from './lessonJobs';

export interface LessonClient {
  run(job: LessonJob): Promise<LessonJobAnswer>;
  terminate(): void;
}

export function createLessonClient(): LessonClient {
  let worker: Worker | null = null;
  let next = 1;
  const waiting = new Map<number, (a: LessonJobAnswer) => void>();
  // The worker (and the engine copy inside it) starts the first time a lesson needs it.
  const start = () => {
    const w = new Worker(new URL('./lesson.worker.ts', import.meta.url), { type: 'module', name: 'microcosm-lessons' });
    w.onmessage = (e: MessageEvent<FromLessonWorker>) => {
      const { id, ...answer } = e.data;
      waiting.get(id)?.(answer);
      waiting.delete(id);
    };
    w.onerror = (e) => {
      for (const done of waiting.values()) done({ type: 'error', message: e.message || 'the lesson worker failed' });
      waiting.clear();
    };
    return w;
  };
  return {
    run(job) {
      worker ??= start();
      const id = next++;
      const msg: ToLessonWorker = { ...job, id };
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker?.postMessage(msg);
      });
    },
    terminate: () => worker?.terminate(),
  };
}
