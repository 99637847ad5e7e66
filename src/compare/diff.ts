/**
 * The table of differences: one row per figure, A and B each as a mean over the seeds, and
 * B - A from the paired runs (the same seed for both) with its 95 % interval. A difference
 * whose interval holds 0 is marked as noise: over these seeds it could be chance.
 */
import type { Measure, MeasureDef } from './measures';
import { estimate, isNoise, pairedDifference, type Estimate } from './stats';

export interface DiffRow extends MeasureDef {
  a: Estimate | null;
  b: Estimate | null;
  /** B - A. */
  diff: Estimate | null;
  /** True when the interval of B - A holds 0; null with one seed (no interval to judge by). */
  noise: boolean | null;
  /** B is better, worse or the same as A on this figure (by the mean difference). */
  verdict: 'better' | 'worse' | 'same' | null;
}

/**
 * Rows from A's and B's figures, run k of A paired with run k of B (the same seed). A figure
 * only one side has (a client B added) still gets a row, with the other side empty.
 */
export function diffRows(a: readonly Measure[][], b: readonly Measure[][]): DiffRow[] {
  const defs = new Map<string, MeasureDef>();
  for (const run of [...a, ...b]) for (const m of run) if (!defs.has(m.key)) defs.set(m.key, { key: m.key, label: m.label, unit: m.unit, better: m.better });
  const values = (runs: readonly Measure[][], key: string) => runs.map((r) => r.find((m) => m.key === key)?.value ?? null);
  return [...defs.values()].map((def) => {
    const va = values(a, def.key), vb = values(b, def.key);
    const diff = pairedDifference(va, vb);
    const noise = isNoise(diff);
    let verdict: DiffRow['verdict'] = null;
    if (diff) {
      const same = noise === true || Math.abs(diff.mean) <= 1e-9 * Math.max(1, Math.abs(estimate(va)?.mean ?? 0));
      verdict = same ? 'same' : (diff.mean < 0) === (def.better === 'lower') ? 'better' : 'worse';
    }
    return { ...def, a: estimate(va), b: estimate(vb), diff, noise, verdict };
  });
}
