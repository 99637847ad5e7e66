import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import type { ScenarioInput } from '../engine/model';
import { parseScenarioText } from '../scenario/parse';
import { checkSweep } from '../sweep/plan';
import { formatProblems } from '../scenario/problems';
import { UsageError } from './args';
import { jobText } from './k8sJob';
import { SimInputError } from './runScenario';
import { asJson, partText, shardTasks, writePart } from './shard';
import { takeDistribution, type Distribution } from './shardArgs';
import { parseSweepArgs, SWEEP_USAGE, type SweepCommand } from './sweepArgs';
import { printSweep, type SweepRun } from './sweepFormat';
import { SWEEP_TASKS_URL, sweepTask, type RunFigures, type SweepTask } from './sweepTasks';
import { runTasks } from './taskPool';
import { runCli } from './runCli';

// Worker threads of the pool load this same module (bundled); they call this export.
export { sweepTask };

/**
 * npm run sweep -- FILE --vary PATH=VALUES: runs the scenario once per value (and seed) of one
 * field, over the cores, and prints a row per value. Exit 0, 1 when a run did not finish, 2
 * for bad input (one message naming the file and the field).
 */
async function main(argv: string[]): Promise<number> {
  let cmd: SweepCommand | 'help';
  let dist: Distribution;
  let rest: string[];
  try {
    ({ rest, dist } = takeDistribution(argv));
    cmd = parseSweepArgs(rest);
    if (cmd !== 'help' && dist.shard && cmd.csv !== undefined) throw new UsageError('a shard writes its part; the CSV comes from npm run merge -- PARTS --csv OUT');
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`microcosm: ${e.message}\n${SWEEP_USAGE.split('\n')[0]}\n(npm run sweep -- --help explains every option)\n`);
      return 2;
    }
    throw e;
  }
  if (cmd === 'help') {
    process.stdout.write(SWEEP_USAGE + '\n');
    return 0;
  }
  if (dist.job) {
    // The Job's pods run this same command line, each with its shard.
    process.stdout.write(jobText(dist.job, { script: 'sweep', command: 'sweep', args: rest, threads: cmd.threads }, cmd.json));
    return 0;
  }
  try {
    return await sweep(cmd, dist);
  } catch (e) {
    if (e instanceof SimInputError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    throw e;
  }
}

/**
 * Checks the whole sweep before running any of it: the file, the path and every value (a
 * value the scenario cannot take stops the sweep here, not hours later in one shard).
 */
function prepare(cmd: SweepCommand): { run: SweepRun; text: string; pointer: string } {
  let text: string;
  try {
    text = readFileSync(cmd.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SimInputError(`${cmd.file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a scenario file' : `cannot be read (${code ?? (e as Error).message})`}`);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new SimInputError(formatProblems(cmd.file, parsed.problems));
  const input = JSON.parse(text) as ScenarioInput;
  const checked = checkSweep(input, cmd.path, cmd.values);
  if (!checked.ok) {
    const p = checked.problem;
    throw new SimInputError(`${cmd.file}: --vary${p.at === 'value' ? ` ${cmd.path}=${String(p.value)}` : p.at === 'patch' ? ` ${cmd.path}` : ''}: ${p.message}`);
  }
  const pointer = checked.pointer;
  const durationMs = cmd.durationMs ?? parsed.scenario.durationMs;
  if (parsed.scenario.warmupMs >= durationMs) throw new SimInputError(`${cmd.file}: warm-up (${parsed.scenario.warmupMs} ms) must be shorter than the duration (${durationMs} ms)`);
  const seeds = Array.from({ length: cmd.seeds }, (_, k) => parsed.scenario.seed + k);
  return { run: { file: cmd.file, path: cmd.path, values: cmd.values, seeds, durationMs }, text, pointer };
}

async function sweep(cmd: SweepCommand, dist: Distribution): Promise<number> {
  const { run, text, pointer } = prepare(cmd);
  // Value after value, each under every seed: every shard numbers the runs alike.
  const tasks: SweepTask[] = run.values.flatMap((value) => run.seeds.map((seed) => ({ file: cmd.file, text, pointer, value, seed, durationMs: run.durationMs })));
  const mine = shardTasks(tasks, dist.shard);
  const figures: RunFigures[] = asJson(await runTasks(mine.map((t) => t.task), { module: SWEEP_TASKS_URL, task: 'sweepTask', inline: sweepTask, threads: cmd.threads, label: 'sweeping' }));
  if (dist.shard) {
    const header = { microcosm: 'part' as const, command: 'sweep' as const, run: { ...run }, shard: dist.shard, tasks: tasks.length };
    writePart(partText(header, mine.map((t, k) => ({ i: t.i, row: figures[k] }))), header, dist.out, (file, why) => new SimInputError(`${file}: ${why}`));
    return 0;
  }
  return printSweep(run, figures, cmd);
}

if (isMainThread) runCli(main);
