import cliProgress from 'cli-progress';
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { TASKS_URL } from './lessonTasks';

export interface PoolOptions<T, R> {
  /** The exported task function of lessonTasks.ts that workers call. */
  task: 'gradeTask' | 'verifyTask';
  /** The same function, for running in this thread. */
  inline: (t: T) => R;
  /** Worker threads (default: one per core, at most one per task); 1 runs everything in this thread. */
  threads?: number;
  /** Shown beside the progress bar (on a terminal only). */
  label: string;
}

/** Runs tasks over the cores and gives their results in the order of the tasks. */
export async function runTasks<T, R>(tasks: readonly T[], o: PoolOptions<T, R>): Promise<R[]> {
  const threads = Math.max(1, Math.min(o.threads ?? availableParallelism(), tasks.length));
  const bar = process.stderr.isTTY && tasks.length > 1
    ? new cliProgress.SingleBar({ format: `${o.label} [{bar}] {value}/{total} {eta_formatted} left`, stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(tasks.length, 0);
  try {
    if (threads === 1) {
      const out: R[] = [];
      for (const t of tasks) {
        out.push(o.inline(t));
        bar?.increment();
        await new Promise((r) => setImmediate(r)); // lets the bar draw
      }
      return out;
    }
    // Workers load the CLI's own module: when it runs bundled (scripts/run.mjs), that is the
    // bundle, so workers run the same inlined engine code as this thread.
    const pool = new Tinypool({ filename: TASKS_URL, name: o.task, minThreads: threads, maxThreads: threads });
    try {
      return await Promise.all(tasks.map(async (t) => {
        const r = (await pool.run(t)) as R;
        bar?.increment();
        return r;
      }));
    } finally {
      await pool.destroy();
    }
  } finally {
    bar?.stop();
  }
}
