import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { checkLesson } from '../lessons/checkLesson';
import { LessonError } from '../lessons/types';
import { UsageError } from './args';
import { LESSON_USAGE, parseLessonArgs, type LessonCommand } from './lessonArgs';
import { printGrade, type GradeRun } from './gradeOutput';
import { jobText } from './k8sJob';
import { formatCheck, formatVerify } from './lessonFormat';
import { runTasks } from './taskPool';
import { gradeTask, readLesson, readScenario, readText, TASKS_URL, verifyTask, type GradeRow, type VerifyOutcome } from './lessonTasks';
import { asJson, partText, shardTasks, writePart } from './shard';
import { takeDistribution, type Distribution } from './shardArgs';
import { runCli } from './runCli';

// Worker threads of the grading pool load this same module (bundled); they export the tasks.
export { gradeTask, verifyTask };

/**
 * npm run lesson -- check|grade|verify: judge a scenario against a lesson, grade a class's
 * folder of scenarios, or prove the lessons themselves. Exit 0 all good, 1 a goal or proof
 * fails, 2 bad input (one message naming the file and the field).
 */
async function main(argv: string[]): Promise<number> {
  let cmd: LessonCommand;
  let dist: Distribution;
  let rest: string[];
  try {
    ({ rest, dist } = takeDistribution(argv));
    cmd = parseLessonArgs(rest);
    if (dist.given.length && cmd.command !== 'grade' && cmd.command !== 'help') throw new UsageError(`${cmd.command} does not take ${dist.given[0]}`);
    if (dist.shard && cmd.command === 'grade' && cmd.csv !== undefined) throw new UsageError('a shard writes its part; the CSV comes from npm run merge -- PARTS --csv OUT');
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`microcosm: ${e.message}\n${LESSON_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  try {
    switch (cmd.command) {
      case 'help':
        process.stdout.write(LESSON_USAGE + '\n');
        return 0;
      case 'check':
        return check(cmd);
      case 'grade':
        if (dist.job) {
          // The Job's pods run this same command line, each with its shard.
          process.stdout.write(jobText(dist.job, { script: 'lesson', command: 'grade', args: rest, threads: cmd.threads }, cmd.json));
          return 0;
        }
        return await grade(cmd, dist);
      case 'verify':
        return await verify(cmd);
    }
  } catch (e) {
    if (e instanceof LessonError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    throw e;
  }
}

function check(cmd: Extract<LessonCommand, { command: 'check' }>): number {
  const lesson = readLesson(cmd.lesson);
  const scenario = cmd.scenario === undefined ? null : readScenario(cmd.scenario);
  const result = checkLesson(lesson, scenario, { file: cmd.scenario });
  const what = cmd.scenario === undefined ? 'the lesson\'s start' : cmd.scenario;
  process.stdout.write(cmd.json ? JSON.stringify({ lesson: lesson.id, scenario: cmd.scenario ?? null, ...result }, null, 2) + '\n' : formatCheck(lesson, what, result) + '\n');
  return result.passed ? 0 : 1;
}

async function grade(cmd: Extract<LessonCommand, { command: 'grade' }>, dist: Distribution): Promise<number> {
  const lessonText = readText(cmd.lesson);
  readLesson(cmd.lesson); // a bad lesson stops here, once, with exit 2
  let isFolder: boolean;
  try {
    isFolder = statSync(cmd.folder).isDirectory();
  } catch {
    throw new LessonError(cmd.folder, '(folder)', 'no such folder');
  }
  if (!isFolder) throw new LessonError(cmd.folder, '(folder)', 'is a file: grade takes a folder of scenario files');
  const files = readdirSync(cmd.folder).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new LessonError(cmd.folder, '(folder)', 'has no .json scenario files');
  const run: GradeRun = { lesson: cmd.lesson, folder: cmd.folder };
  // Files in sorted order: every shard numbers them alike.
  const tasks = files.map((f) => ({ lessonFile: cmd.lesson, lessonText, file: join(cmd.folder, f) }));
  const mine = shardTasks(tasks, dist.shard);
  const rows: GradeRow[] = asJson(await runTasks(mine.map((t) => t.task), { module: TASKS_URL, task: 'gradeTask', inline: gradeTask, threads: cmd.threads, label: 'grading' }));
  if (dist.shard) {
    const header = { microcosm: 'part' as const, command: 'grade' as const, run: { ...run }, shard: dist.shard, tasks: tasks.length };
    writePart(partText(header, mine.map((t, k) => ({ i: t.i, row: rows[k] }))), header, dist.out, (file, why) => new LessonError(file, '(file)', why));
    return 0;
  }
  return printGrade(run, rows, cmd);
}

async function verify(cmd: Extract<LessonCommand, { command: 'verify' }>): Promise<number> {
  let files = cmd.files;
  if (files.length === 0) {
    try {
      files = readdirSync('lessons').filter((f) => f.endsWith('.json') && f !== 'course.json').sort().map((f) => join('lessons', f));
    } catch {
      throw new LessonError('lessons', '(folder)', 'no lessons folder here: run from the project root or name the lesson files');
    }
  }
  if (files.length === 0) {
    process.stdout.write(cmd.json ? '[]\n' : 'no lessons to verify in lessons/\n');
    return 0;
  }
  const outcomes: VerifyOutcome[] = await runTasks(files.map((file) => ({ file })), { module: TASKS_URL, task: 'verifyTask', inline: verifyTask, threads: cmd.threads, label: 'verifying' });
  process.stdout.write(cmd.json ? JSON.stringify(outcomes, null, 2) + '\n' : formatVerify(outcomes) + '\n');
  if (outcomes.some((o) => o.error)) return 2;
  return outcomes.some((o) => o.proofs.some((p) => !p.ok)) ? 1 : 0;
}

if (isMainThread) runCli(main);
