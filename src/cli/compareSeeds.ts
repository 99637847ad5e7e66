import { diffRows, fmtEstimate, measuresOf, type DiffRow, type Measure } from '../compare';
import type { SimArgs } from './args';
import { runScenarioFile } from './runScenario';
import { table } from './table';

/**
 * `npm run sim -- A --compare B --seeds N`: both files on the same N seeds (A's seed and the
 * N-1 after it, or --seed and after), then one row per figure with A's and B's means, B - A
 * seed by seed with its 95 % interval, and whether that difference stands out from the noise.
 */

export interface SeededComparison {
  files: [string, string];
  seeds: number[];
  durationMs: number;
  rows: DiffRow[];
}

export function runSeededComparison(args: SimArgs & { compare: string; seeds: number }, read: (file: string) => string): SeededComparison {
  const a: Measure[][] = [], b: Measure[][] = [];
  const first = runScenarioFile(args, read).report;
  a.push(measuresOf(first));
  const seeds = Array.from({ length: args.seeds }, (_, k) => first.seed + k);
  for (const [k, seed] of seeds.entries()) {
    if (k > 0) a.push(measuresOf(runScenarioFile({ ...args, seed }, read).report));
    b.push(measuresOf(runScenarioFile({ ...args, file: args.compare, seed }, read).report));
  }
  return { files: [args.file, args.compare], seeds, durationMs: first.durationMs, rows: diffRows(a, b) };
}

const VERDICT = { better: 'B better', worse: 'B worse', same: 'same' } as const;

/** What the last column says: better or worse, or noise when the interval holds 0. */
function judgement(r: DiffRow): string {
  if (!r.diff) return '-';
  if (r.noise === true) return r.diff.mean === 0 ? 'same' : 'noise';
  return r.verdict ? VERDICT[r.verdict] : '-';
}

export function formatSeededComparison(c: SeededComparison): string {
  const n = c.seeds.length;
  const seedText = n === 1 ? `seed ${c.seeds[0]}` : `seeds ${c.seeds[0]}–${c.seeds[n - 1]}`;
  const head = [
    `A = ${c.files[0]}, B = ${c.files[1]}: ${seedText}, ${c.durationMs / 1000} s simulated each`,
    n === 1 ? 'One seed: no interval, so no telling a difference from noise (use --seeds 5 or more).'
      : 'Each figure is a mean over the seeds [with its 95 % interval]; B - A is paired seed by seed, and "noise" means its interval holds 0.',
    '',
  ];
  const rows = c.rows.map((r) => [r.label, fmtEstimate(r.a, r.unit), fmtEstimate(r.b, r.unit), fmtEstimate(r.diff, r.unit, true), judgement(r)]);
  return [...head, table(['figure', 'A', 'B', 'B - A', ''], rows)].join('\n');
}
