import { UsageError } from './args';
import { SHARD_USAGE } from './shardArgs';

export const LESSON_USAGE = `usage: npm run lesson -- COMMAND ...
  check LESSON.json                          run the lesson's start and judge every goal (exit 1: a goal fails)
  check LESSON.json --scenario FILE [--json] judge a scenario (the lesson's parts put back first):
                                             exit 0 when every goal passes, 1 when one fails, 2 for a bad file
  grade LESSON.json FOLDER [--csv OUT] [--threads N] [--json]
                                             judge every *.json scenario in FOLDER, in parallel; a table by file name
        [--shard I/N] [--out FILE] [--k8s-job N]  grade one shard of the folder, or print a Kubernetes Job
                                             that grades it in N shards (options below)
  verify [LESSON.json ...] [--threads N]     the four proofs for each lesson (default: every lessons/*.json); exit 1 if one fails
  --help                                     this text
sharding grade (npm run merge -- PARTS... puts the parts together):
${SHARD_USAGE}`;

export type LessonCommand =
  | { command: 'help' }
  | { command: 'check'; lesson: string; scenario?: string; json: boolean }
  | { command: 'grade'; lesson: string; folder: string; csv?: string; threads?: number; json: boolean }
  | { command: 'verify'; files: string[]; threads?: number; json: boolean };

/** Reads the command line of `npm run lesson`; a mistake is a UsageError (exit 2). */
export function parseLessonArgs(argv: string[]): LessonCommand {
  if (argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('name a command: check, grade or verify');
  const positional: string[] = [];
  const opts: { scenario?: string; csv?: string; threads?: number; json: boolean } = { json: false };
  const allowed: Record<string, string[]> = { check: ['--scenario', '--json'], grade: ['--csv', '--threads', '--json'], verify: ['--threads', '--json'] };
  if (!(command in allowed)) throw new UsageError(`unknown command "${command}": use check, grade or verify`);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    if (!allowed[command].includes(a)) throw new UsageError(`${command} does not take ${a}`);
    if (a === '--json') opts.json = true;
    else {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs ${a === '--threads' ? 'a number' : 'a file name'}`);
      if (a === '--threads') {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--threads needs a whole number from 1 to 256, not ${JSON.stringify(v)}`);
        opts.threads = n;
      } else if (a === '--scenario') opts.scenario = v;
      else opts.csv = v;
    }
  }
  if (command === 'verify') return { command, files: positional, json: opts.json, ...(opts.threads !== undefined ? { threads: opts.threads } : {}) };
  if (command === 'check') {
    if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'check needs a lesson file' : `check takes one lesson file (got ${positional.join(', ')}); the scenario goes after --scenario`);
    return { command, lesson: positional[0], ...(opts.scenario !== undefined ? { scenario: opts.scenario } : {}), json: opts.json };
  }
  if (positional.length !== 2) throw new UsageError('grade needs a lesson file and a folder of scenarios');
  return { command: 'grade', lesson: positional[0], folder: positional[1], ...(opts.csv !== undefined ? { csv: opts.csv } : {}), ...(opts.threads !== undefined ? { threads: opts.threads } : {}), json: opts.json };
}
