import { MAX_DURATION_MS } from '../engine/core/units';

/** A command-line mistake: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Most seeds a comparison runs (each is two runs). */
export const MAX_SEEDS = 1000;

export interface SimArgs {
  file: string;
  /** --help or -h: print the usage and stop. */
  help?: boolean;
  json: boolean;
  durationMs?: number;
  seed?: number;
  warmupMs?: number;
  maxEvents?: number;
  traces?: string;
  compare?: string;
  /** With --compare: run both on this many seeds and report differences with 95 % intervals. */
  seeds?: number;
}

const NUMERIC: Record<string, keyof SimArgs> = {
  '--duration': 'durationMs',
  '--seed': 'seed',
  '--warmup': 'warmupMs',
  '--max-events': 'maxEvents',
};

export const USAGE = 'usage: npm run sim -- FILE [--duration MS] [--seed N] [--warmup MS] [--max-events N] [--json] [--traces OUT.json] [--compare OTHER.json [--seeds N]]';

/** What --help prints: the usage line, then each option in a few words. */
export const HELP = `${USAGE}

Runs a scenario file without the browser and prints its report.

  --duration MS       simulated time to run (default: the file's durationMs)
  --seed N            seed of the random numbers (default: the file's seed)
  --warmup MS         leave this first stretch out of the statistics
  --max-events N      stop with a message after this many simulation events
  --json              print the full report as JSON instead of a table
  --traces OUT.json   write the sampled traces as OTLP/JSON (the scenario must set tracing)
  --compare OTHER     run OTHER too (with the same options) and print the two side by side
  --seeds N           with --compare: run both on N seeds (the first file's seed and the N-1
                      after it) and print each figure's mean, B - A with its 95 % interval,
                      and "noise" where that interval holds 0
  -h, --help          print this help

Exit codes: 0 a finished run, 2 bad input (one line naming the file and the field).`;

export function parseSimArgs(argv: string[]): SimArgs {
  const out: Partial<SimArgs> & { json: boolean } = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { file: '', json: false, help: true };
    if (a === '--json') out.json = true;
    else if (a in NUMERIC) {
      const raw = argv[++i];
      const v = Number(raw);
      if (raw === undefined || raw.trim() === '' || !Number.isFinite(v) || v < 0) throw new UsageError(`${a} needs a number >= 0, not ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
      (out as Record<string, unknown>)[NUMERIC[a]] = v;
    } else if (a === '--seeds') {
      const raw = argv[++i];
      const v = Number(raw);
      if (raw === undefined || !Number.isInteger(v) || v < 1 || v > MAX_SEEDS) throw new UsageError(`--seeds needs a whole number from 1 to ${MAX_SEEDS}, not ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
      out.seeds = v;
    } else if (a === '--traces' || a === '--compare') {
      const v = argv[++i];
      if (!v) throw new UsageError(`${a} needs a file name`);
      out[a === '--traces' ? 'traces' : 'compare'] = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (out.file) throw new UsageError(`one scenario file at a time (got ${out.file} and ${a})`);
    else out.file = a;
  }
  if (!out.file) throw new UsageError('name a scenario file');
  if (out.seeds !== undefined && out.compare === undefined) throw new UsageError('--seeds works with --compare OTHER (npm run sweep runs one file over seeds)');
  if (out.seed !== undefined && (!Number.isInteger(out.seed) || out.seed > 2 ** 32 - 1)) throw new UsageError('--seed needs a whole number from 0 to 4294967295');
  if (out.durationMs !== undefined && out.durationMs > MAX_DURATION_MS) throw new UsageError(`--duration may be at most 31 simulated days (${MAX_DURATION_MS} ms)`);
  return out as SimArgs;
}
