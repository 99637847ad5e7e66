import type { RunFigures } from './figures';
import type { SweepValue } from './values';

/** What a sweep ran: merge checks that every part ran the same. */
export interface SweepRun {
  file: string;
  path: string;
  values: SweepValue[];
  seeds: number[];
  durationMs: number;
}

/** Mean over the seeds that gave a figure, with the smallest and largest. */
export interface Stat {
  mean: number;
  min: number;
  max: number;
}

export interface SweepRow {
  value: SweepValue;
  /** Runs that finished; `failed` did not (their reasons are in `errors`). */
  runs: number;
  failed: number;
  clients: Record<string, { p50: Stat | null; p99: Stat | null; errorRate: Stat | null; throughput: Stat | null }>;
  errorRate: Stat | null;
  throughput: Stat | null;
  cost: Stat | null;
  errors: { seed: number; message: string }[];
}

function stat(values: readonly (number | null)[]): Stat | null {
  let sum = 0, n = 0, min = Infinity, max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return n ? { mean: sum / n, min, max } : null;
}

/**
 * One row per value from the runs in task order (value after value, each under every seed):
 * the same numbers whether the runs came from one process, from merged shards or from the
 * page's worker. `runs` may stop short (a sweep still under way): only whole values make rows.
 */
export function sweepRows(run: Pick<SweepRun, 'values' | 'seeds'>, runs: readonly RunFigures[]): SweepRow[] {
  const k = run.seeds.length;
  const clientIds: string[] = [];
  for (const r of runs) for (const id of Object.keys(r.clients)) if (!clientIds.includes(id)) clientIds.push(id);
  const whole = Math.min(run.values.length, Math.floor(runs.length / k));
  return run.values.slice(0, whole).map((value, v) => {
    const mine = runs.slice(v * k, v * k + k);
    const ok = mine.filter((r) => r.error === undefined);
    const clients: SweepRow['clients'] = {};
    for (const id of clientIds) {
      const of = (f: 'p50' | 'p99' | 'errorRate' | 'throughput') => stat(ok.map((r) => r.clients[id]?.[f] ?? null));
      clients[id] = { p50: of('p50'), p99: of('p99'), errorRate: of('errorRate'), throughput: of('throughput') };
    }
    return {
      value, runs: ok.length, failed: mine.length - ok.length, clients,
      errorRate: stat(ok.map((r) => r.errorRate)), throughput: stat(ok.map((r) => r.throughput)), cost: stat(ok.map((r) => r.cost)),
      errors: mine.flatMap((r, s) => (r.error === undefined ? [] : [{ seed: run.seeds[s], message: r.error }])),
    };
  });
}

/** The worst p99 over the clients of a row (the one a person would watch), or null. */
export function worstP99(row: SweepRow): number | null {
  let worst: number | null = null;
  for (const c of Object.values(row.clients)) if (c.p99 && (worst === null || c.p99.mean > worst)) worst = c.p99.mean;
  return worst;
}
