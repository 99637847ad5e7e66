import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { checkLesson } from '../lessons/checkLesson';
import { parseLesson } from '../lessons/loadLesson';
import { applyPatch } from '../lessons/patch';
import type { ScenarioInput } from '../engine/model';
import { runTasks } from './taskPool';
import { gradeTask, TASKS_URL, verifyTask, type GradeRow } from './lessonTasks';

// Worker threads of the pool load this bundle too: they need the tasks, not the benchmark.
export { gradeTask, verifyTask };

/**
 * npm run bench:grade: how fast a lesson is checked, and a class graded. Makes SUBMISSIONS
 * variants of the fixture lesson's start and solution (a minute of simulated time each), grades
 * them on one thread and on two, and prints submissions per second for each.
 * Usage: npm run bench:grade -- [SUBMISSIONS] [ROUNDS]
 */
const LESSON = 'tests/lessons/fixtures/slow-dependency.json';
const SUBMISSIONS = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.argv[3] ?? 3);

type Data = Record<string, unknown> & { edges: Record<string, unknown>[]; nodes: Record<string, unknown>[] };

/** Submission k: the start or the solution, with its own timeout, fallback and instance count. */
function variant(start: ScenarioInput, solved: ScenarioInput, k: number): ScenarioInput {
  const s = structuredClone(k % 3 === 0 ? start : solved) as unknown as Data;
  if (k % 3 !== 0) s.edges[1].timeoutMs = [150, 200, 300, 450, 3000][k % 5];
  if (k % 7 === 0) delete s.edges[1].fallback;
  s.nodes[1].instances = 1 + (k % 4);
  s.name = `submission ${k}`;
  return s as unknown as ScenarioInput;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'microcosm-grade-bench-'));
  try {
    const data = JSON.parse(readFileSync(LESSON, 'utf8'));
    data.run.durationMs = 60_000;
    data.scenario.durationMs = 60_000;
    const lessonFile = join(dir, 'slow-dependency.json');
    const lessonText = JSON.stringify(data);
    writeFileSync(lessonFile, lessonText);
    const lesson = parseLesson(lessonText, lessonFile);
    const solved = applyPatch(lesson.scenario, lesson.solution);

    // One check: three seeds of a minute each (the first call also warms the code up).
    checkLesson(lesson, solved);
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      checkLesson(parseLesson(lessonText, lessonFile), solved);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`check: 3 seeds x 60 s of simulated time in ${times[2].toFixed(0)} ms (median of 5; fastest ${times[0].toFixed(0)} ms)`);

    const folder = join(dir, 'class');
    mkdirSync(folder);
    for (let k = 0; k < SUBMISSIONS; k++) writeFileSync(join(folder, `s${String(k).padStart(3, '0')}.json`), JSON.stringify(variant(lesson.scenario, solved, k)));
    const tasks = Array.from({ length: SUBMISSIONS }, (_, k) => ({ lessonFile, lessonText, file: join(folder, `s${String(k).padStart(3, '0')}.json`) }));
    // Best of a few rounds, one and two threads taking turns: other work on the machine only
    // ever slows a round down, so the fastest is the closest to the code's own speed.
    const best: Record<number, { s: number; cpuS: number; passed: number }> = {};
    let first: GradeRow[] | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      for (const threads of [1, 2]) {
        const t = performance.now();
        const cpu = process.cpuUsage();
        const rows = await runTasks(tasks, { module: TASKS_URL, task: 'gradeTask', inline: gradeTask, threads, label: `${threads} thread${threads > 1 ? 's' : ''}` });
        const s = (performance.now() - t) / 1000;
        const used = process.cpuUsage(cpu);
        if (first && JSON.stringify(first) !== JSON.stringify(rows)) throw new Error('two gradings of the same files differ');
        first = rows;
        if (!best[threads] || s < best[threads].s) best[threads] = { s, cpuS: (used.user + used.system) / 1e6, passed: rows.filter((r) => r.result === 'pass').length };
      }
    }
    const rate: Record<number, number> = {};
    for (const threads of [1, 2]) {
      const b = best[threads];
      rate[threads] = SUBMISSIONS / b.s;
      console.log(`grade: ${SUBMISSIONS} submissions on ${threads} thread${threads > 1 ? 's' : ''} in ${b.s.toFixed(2)} s: ${rate[threads].toFixed(1)} submissions/s (${b.passed} pass; ${b.cpuS.toFixed(1)} s of CPU, ${(b.cpuS / b.s).toFixed(2)} cores busy; best of ${ROUNDS})`);
    }
    console.log(`speed-up on 2 threads: ${(rate[2] / rate[1]).toFixed(2)}x (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) {
  main().catch((e: unknown) => {
    process.stderr.write(`microcosm: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
