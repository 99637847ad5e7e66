import type { FromWorker } from '../../src/worker/protocol';

/**
 * A fake wall clock for run-loop tests: it moves only when read (a quarter of a millisecond
 * per read, as if every look at the clock cost a little work) and when the loop sleeps, so the
 * tests are deterministic and never depend on how fast the machine is. A larger `readCostMs`
 * plays a slow machine.
 */
export function fakeLoopHost({ readCostMs = 0.25 } = {}) {
  let clock = 0;
  const tasks: { due: number; fn: () => void }[] = [];
  const posts: FromWorker[] = [];
  const frames: { start: number; end: number }[] = [];
  const host = {
    post: (m: FromWorker) => void posts.push(m),
    nowMs: () => (clock += readCostMs),
    schedule: (fn: () => void, delayMs: number) => void tasks.push({ due: clock + delayMs, fn }),
  };
  /** Runs scheduled frames until `ms` of fake wall time have passed. */
  const runWall = (ms: number) => {
    const end = clock + ms;
    while (tasks.length > 0 && clock < end) {
      tasks.sort((a, b) => a.due - b.due);
      const t = tasks.shift()!;
      clock = Math.max(clock, t.due);
      const start = clock;
      t.fn();
      frames.push({ start, end: clock });
    }
    clock = Math.max(clock, end);
  };
  const all = <T extends FromWorker['type']>(type: T) => posts.filter((p): p is Extract<FromWorker, { type: T }> => p.type === type);
  const last = <T extends FromWorker['type']>(type: T) => all(type).at(-1);
  return { host, posts, frames, runWall, all, last, pending: () => tasks.length };
}
