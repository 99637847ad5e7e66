import { MAX_DURATION_MS } from '../engine/core/units';
import { UsageError } from './args';
import { SHARD_USAGE } from './shardArgs';
import { MAX_RUNS, NUMBER, rangeValues, SweepRangeError, type SweepValue } from '../sweep/values';

export { MAX_RUNS, type SweepValue };

export interface SweepCommand {
  file: string;
  /** A scenario dot path: nodes.api.instances, edges.gateway->api.timeoutMs. */
  path: string;
  values: SweepValue[];
  seeds: number;
  durationMs?: number;
  csv?: string;
  threads?: number;
  json: boolean;
}

export const SWEEP_USAGE = `usage: npm run sweep -- FILE --vary PATH=VALUES [--step K] [--seeds N] [--duration MS] [--csv OUT] [--threads N] [--json]
  --vary PATH=A..B         the scenario field to vary, from A to B in steps of --step (default 1):
                           nodes.api.instances=1..8, 'edges.gateway->api.timeoutMs=100..500' --step 100
  --vary PATH=A,B,C        or a list of values: nodes.api.size=small,medium,large
  --seeds N                run each value with N seeds (the scenario's seed and the N-1 after it);
                           the table shows the mean over the seeds and the min–max
  --duration MS            simulated time of each run (default: the scenario's durationMs)
  --csv OUT                also write the table as CSV, at full precision
  --threads N              worker threads (default: one per core); 1 runs in this thread
  --json                   the table as JSON
sharding (npm run merge -- PARTS... puts the parts together):
${SHARD_USAGE}`;

/** "1..8" with a step, or "a,b,c": the values a sweep takes, in order. */
export function parseValues(spec: string, step: number | undefined): SweepValue[] {
  const range = /^(.+?)\.\.(.+)$/.exec(spec);
  if (range && NUMBER.test(range[1]) && NUMBER.test(range[2])) {
    try {
      return rangeValues(Number(range[1]), Number(range[2]), step ?? 1);
    } catch (e) {
      if (e instanceof SweepRangeError) throw new UsageError(`--vary: ${e.message}`);
      throw e;
    }
  }
  if (step !== undefined) throw new UsageError('--step goes with a range of values (A..B), not a list');
  const items = spec.split(',');
  if (items.some((v) => v.trim() === '')) throw new UsageError(`--vary: ${JSON.stringify(spec)} has an empty value; write A..B or A,B,C`);
  const values = items.map((raw): SweepValue => {
    const v = raw.trim();
    return NUMBER.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
  });
  const twice = values.find((v, k) => values.indexOf(v) !== k);
  if (twice !== undefined) throw new UsageError(`--vary: ${String(twice)} is listed twice`);
  return values;
}

const wholeNumber = (flag: string, raw: string | undefined, min: number, max: number): number => {
  const n = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || n < min || n > max) throw new UsageError(`${flag} needs a whole number from ${min} to ${max}, not ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
  return n;
};

/** Reads the command line of `npm run sweep` (without the sharding options); a mistake is a UsageError. */
export function parseSweepArgs(argv: readonly string[]): SweepCommand | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  let file: string | undefined, vary: string | undefined, step: number | undefined;
  const out: Omit<SweepCommand, 'file' | 'path' | 'values'> = { seeds: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--vary') vary = next();
    else if (a === '--csv') out.csv = next();
    else if (a === '--seeds') out.seeds = wholeNumber(a, next(), 1, 10_000);
    else if (a === '--threads') out.threads = wholeNumber(a, next(), 1, 256);
    else if (a === '--duration') out.durationMs = wholeNumber(a, next(), 1, MAX_DURATION_MS);
    else if (a === '--step') {
      const raw = next();
      step = Number(raw);
      if (!NUMBER.test(raw) || !(step > 0)) throw new UsageError(`--step needs a number above 0, not ${JSON.stringify(raw)}`);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (file !== undefined) throw new UsageError(`one scenario file at a time (got ${file} and ${a})`);
    else file = a;
  }
  if (file === undefined) throw new UsageError('name a scenario file');
  if (vary === undefined) throw new UsageError('say what to vary: --vary PATH=A..B or --vary PATH=A,B,C');
  const eq = vary.lastIndexOf('=');
  if (eq <= 0 || eq === vary.length - 1) throw new UsageError(`--vary needs PATH=VALUES (nodes.api.instances=1..8), not ${JSON.stringify(vary)}`);
  const values = parseValues(vary.slice(eq + 1), step);
  if (values.length * out.seeds > MAX_RUNS) throw new UsageError(`${values.length} values times ${out.seeds} seeds is more than ${MAX_RUNS} runs`);
  return { file, path: vary.slice(0, eq), values, ...out };
}
