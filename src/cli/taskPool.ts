import cliProgress from 'cli-progress';
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';

export interface PoolOptions<T, R> {
  /**
   * The module workers load (by URL) and the name of its exported task function. It is the
   * CLI's own module: bundled by scripts/run.mjs, it exports its tasks and runs nothing in a worker.
   */
  module: string;
  task: string;
  /** The same function, for running in this thread. */
  inline: (t: T) => R;
  /** Threads in all, this one included (default: one per core, at most one per task); 1 runs everything here. */
  threads?: number;
  /** Shown beside the progress bar (on a terminal only). */
  label: string;
}

/** Runs tasks over the cores and gives their results in the order of the tasks. */
export async function runTasks<T, R>(tasks: readonly T[], o: PoolOptions<T, R>): Promise<R[]> {
  // Worker threads load the bundle scripts/run.mjs makes; run from the TypeScript sources (tsx),
  // there is no bundle and a worker could not load them, so everything runs in this thread.
  const bundled = !o.module.endsWith('.ts');
  const threads = bundled ? Math.max(1, Math.min(o.threads ?? availableParallelism(), tasks.length)) : 1;
  const bar = process.stderr.isTTY && tasks.length > 1
    ? new cliProgress.SingleBar({ format: `${o.label} [{bar}] {value}/{total} {eta_formatted} left`, stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(tasks.length, 0);
  const results: R[] = new Array(tasks.length);
  let next = 0;
  const take = () => (next < tasks.length ? next++ : -1);
  // This thread takes tasks too: it is already warm (it loaded the inputs and the engine),
  // while a worker thread first has to load the code, so n threads are this one and n - 1 workers.
  const here = async () => {
    for (let k = take(); k >= 0; k = take()) {
      results[k] = o.inline(tasks[k]);
      bar?.increment();
      await new Promise((r) => setImmediate(r)); // lets the bar draw and the workers' answers in
    }
  };
  try {
    if (threads === 1) {
      await here();
      return results;
    }
    // Workers load the CLI's own module: when it runs bundled (scripts/run.mjs), that is the
    // bundle, so workers run the same inlined engine code as this thread.
    const pool = new Tinypool({ filename: o.module, name: o.task, minThreads: threads - 1, maxThreads: threads - 1 });
    const worker = async () => {
      for (let k = take(); k >= 0; k = take()) {
        results[k] = (await pool.run(tasks[k])) as R;
        bar?.increment();
      }
    };
    try {
      // A few tasks queued per worker, so a worker never waits while this thread is busy with one.
      await Promise.all([here(), ...Array.from({ length: (threads - 1) * LANES_PER_WORKER }, worker)]);
      return results;
    } finally {
      await pool.destroy();
    }
  } finally {
    bar?.stop();
  }
}

const LANES_PER_WORKER = 3;
