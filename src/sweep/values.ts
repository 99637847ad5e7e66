/** The values one sweep takes of one field, shared by `npm run sweep` and the page's Sweep panel. */

export type SweepValue = number | string | boolean;

/** At most this many runs (values times seeds) in one sweep. */
export const MAX_RUNS = 1_000_000;

export const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** A range that cannot be swept; the message says why, in the words of the range. */
export class SweepRangeError extends Error {}

/** from, from + step, … up to to (inclusive), each rounded so 0.1 steps give 0.3 and not 0.30000000000000004. */
export function rangeValues(from: number, to: number, step: number, max = MAX_RUNS): number[] {
  if (!(step > 0)) throw new SweepRangeError(`the step must be a number above 0, not ${step}`);
  if (to < from) throw new SweepRangeError(`the range ${from}..${to} runs backwards; write it from the smaller value to the larger`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > max) throw new SweepRangeError(`${from}..${to} in steps of ${step} is ${count} values, more than ${max}`);
  return Array.from({ length: count }, (_, k) => Number((from + k * step).toPrecision(12)));
}
