/**
 * A weighted split read and set as percentages. The schema's weights are relative ("3 and 1"),
 * but a person moving traffic thinks "75 % to the old, 25 % to the new": moving one slider
 * gives the others what is left, in the proportions they had, so the split always adds up to 100.
 */
export interface SplitTarget {
  service: string;
  weight: number;
}

/** Each target's share of the route in percent (all 0 when the weights add up to 0). */
export function sharesOf(targets: readonly SplitTarget[]): number[] {
  const total = targets.reduce((a, t) => a + t.weight, 0);
  return targets.map((t) => (total > 0 ? (t.weight / total) * 100 : 0));
}

/** Whole percentages that add up to exactly 100, by the largest remainders. */
function wholePercents(raw: readonly number[]): number[] {
  const floors = raw.map((v) => Math.floor(v));
  let left = 100 - floors.reduce((a, v) => a + v, 0);
  const order = raw.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

/** The split with target `index` set to `percent`, the others sharing the rest as before. */
export function withShare(targets: readonly SplitTarget[], index: number, percent: number): SplitTarget[] {
  if (targets.length === 1) return [{ ...targets[0], weight: 100 }];
  const p = Math.min(100, Math.max(0, Math.round(percent)));
  const shares = sharesOf(targets);
  const othersTotal = shares.reduce((a, s, i) => (i === index ? a : a + s), 0);
  const others = targets.length - 1;
  const raw = shares.map((s, i) => (i === index ? p : othersTotal > 0 ? (s / othersTotal) * (100 - p) : (100 - p) / others));
  const whole = wholePercents(raw);
  // Rounding must not move the slider the person is holding.
  if (whole[index] !== p) {
    const j = whole.findIndex((_, i) => i !== index && whole[i] + (whole[index] - p) >= 0);
    if (j >= 0) {
      whole[j] += whole[index] - p;
      whole[index] = p;
    }
  }
  return targets.map((t, i) => ({ ...t, weight: whole[i] }));
}
