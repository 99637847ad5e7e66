import { writeFileSync } from 'node:fs';
import { SimInputError } from './runScenario';
import type { RunFigures } from '../sweep/figures';
import { sweepCsv } from '../sweep/csv';
import { sweepRows, type Stat, type SweepRow, type SweepRun } from '../sweep/rows';
import { ms, pct, table } from './table';

export { sweepCsv, sweepRows, type SweepRow, type SweepRun };

const money = (v: number) => `$${v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(4)}`;
const rps = (v: number) => v.toFixed(1);

/** "812", and "812 (790–830)" when the seeds disagree; "-" with nothing measured. */
const cell = (s: Stat | null, f: (v: number) => string) => {
  if (s === null) return '-';
  const [mean, min, max] = [f(s.mean), f(s.min), f(s.max)];
  return min === max ? mean : `${mean} (${min}–${max})`;
};

const seedText = (seeds: readonly number[]) =>
  seeds.length === 1 ? `seed ${seeds[0]}` : `seeds ${seeds[0]}–${seeds[seeds.length - 1]} (mean, and min–max)`;

/** The sweep as a person reads it: one row per value, then any runs that did not finish. */
export function formatSweep(run: SweepRun, rows: readonly SweepRow[]): string {
  const clientIds = Object.keys(rows[0]?.clients ?? {});
  const header = [run.path, ...clientIds.flatMap((id) => [`${id} p50 ms`, `${id} p99 ms`]), 'error rate', 'answers/s', 'cost'];
  const body = rows.map((r) => [
    String(r.value),
    ...clientIds.flatMap((id) => [cell(r.clients[id].p50, ms), cell(r.clients[id].p99, ms)]),
    cell(r.errorRate, pct), cell(r.throughput, rps), cell(r.cost, money),
  ]);
  const out = [
    `${run.file}: ${run.path} over ${rows.length} value${rows.length === 1 ? '' : 's'}, ${seedText(run.seeds)}, ${run.durationMs / 1000} s simulated each`,
    '',
    table(header, body),
  ];
  const errors = rows.flatMap((r) => r.errors.map((e) => `${run.path} = ${String(r.value)}, seed ${e.seed}: ${e.message}`));
  if (errors.length) {
    out.push('', `${errors.length} run${errors.length === 1 ? '' : 's'} did not finish:`, ...errors.slice(0, 20).map((e) => `  ${e}`));
    if (errors.length > 20) out.push(`  ... and ${errors.length - 20} more (the JSON has them all)`);
  }
  return out.join('\n');
}

/**
 * Prints a sweep (the table, or JSON) and writes its CSV: the same from one `npm run sweep`
 * as from `npm run merge` of its shards. Exit 0, or 1 when a run did not finish.
 */
export function printSweep(run: SweepRun, runs: readonly RunFigures[], o: { json: boolean; csv?: string }): number {
  const rows = sweepRows(run, runs);
  if (o.csv !== undefined) {
    try {
      writeFileSync(o.csv, sweepCsv(rows));
    } catch (e) {
      throw new SimInputError(`${o.csv}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  process.stdout.write(o.json ? JSON.stringify({ ...run, rows }, null, 2) + '\n' : formatSweep(run, rows) + '\n');
  return rows.some((r) => r.failed > 0) ? 1 : 0;
}
