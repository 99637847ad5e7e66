/**
 * Time series with bounded memory. The first {@link FINE_POINTS} points are one simulated
 * second each (the first hour at full resolution); after that points go into coarser buckets
 * whose width doubles whenever they fill, so a run of any length keeps at most
 * FINE_POINTS + COARSE_POINTS points per channel.
 *
 * Every channel stores a numerator and a denominator per point so that merging is exact:
 * a rate is (count, seconds), a time-weighted mean is (value x seconds, seconds), a ratio is
 * (errors, requests). A `max` channel keeps the largest value instead (a merged p99 is the
 * worst second's p99: percentiles cannot be merged exactly without their histograms).
 */
export const FINE_POINTS = 3600;
export const COARSE_POINTS = 1440;
const FIRST_COARSE_WIDTH_MS = 10_000;

export type ChannelMode = 'ratio' | 'max';

interface Channel {
  mode: ChannelMode;
  fineNum: Float64Array;
  fineDen: Float64Array;
  coarseNum: Float64Array;
  coarseDen: Float64Array;
}

export class SeriesStore {
  private readonly channels: Channel[] = [];
  private fineLen = 0;
  private readonly fineT = new Float64Array(FINE_POINTS);
  private coarseStartMs = 0;
  private coarseWidthMs = FIRST_COARSE_WIDTH_MS;
  private coarseLen = 0;
  /** Where the point being recorded goes: fine index, or -1 - coarse index. */
  private cursor = 0;

  addChannel(mode: ChannelMode): number {
    this.channels.push({
      mode,
      fineNum: new Float64Array(FINE_POINTS),
      fineDen: new Float64Array(FINE_POINTS),
      coarseNum: new Float64Array(COARSE_POINTS),
      coarseDen: new Float64Array(COARSE_POINTS),
    });
    return this.channels.length - 1;
  }

  /** Opens the point for the period starting at tStartMs; then call {@link set} per channel. */
  begin(tStartMs: number): void {
    if (this.fineLen < FINE_POINTS) {
      this.fineT[this.fineLen] = tStartMs;
      this.cursor = this.fineLen++;
      return;
    }
    if (this.coarseLen === 0 && this.cursor >= 0) this.coarseStartMs = tStartMs;
    let ci = Math.floor((tStartMs - this.coarseStartMs) / this.coarseWidthMs);
    while (ci >= COARSE_POINTS) {
      this.halve();
      ci = Math.floor((tStartMs - this.coarseStartMs) / this.coarseWidthMs);
    }
    if (ci + 1 > this.coarseLen) this.coarseLen = ci + 1;
    this.cursor = -1 - ci;
  }

  set(channel: number, num: number, den: number): void {
    const c = this.channels[channel];
    if (this.cursor >= 0) {
      c.fineNum[this.cursor] = num;
      c.fineDen[this.cursor] = den;
      return;
    }
    const i = -1 - this.cursor;
    if (c.mode === 'max') {
      if (num > c.coarseNum[i]) c.coarseNum[i] = num;
      c.coarseDen[i] = 1;
    } else {
      c.coarseNum[i] += num;
      c.coarseDen[i] += den;
    }
  }

  get length(): number {
    return this.fineLen + this.coarseLen;
  }

  private timeAt(i: number): number {
    return i < this.fineLen ? this.fineT[i] : this.coarseStartMs + (i - this.fineLen) * this.coarseWidthMs;
  }

  /**
   * The index of the first point of the trailing run of points that start at or after
   * fromMs (the length when none does): a live window reads only its own points.
   */
  firstFrom(fromMs: number): number {
    let first = this.length;
    while (first > 0 && this.timeAt(first - 1) >= fromMs) first--;
    return first;
  }

  /** Point start times, from point `first` on. */
  times(first = 0): number[] {
    const out: number[] = [];
    for (let i = first; i < this.length; i++) out.push(this.timeAt(i));
    return out;
  }

  /** The channel's values from point `first` on, rounded to 4 decimals to keep reports small. */
  values(channel: number, first = 0): number[] {
    const c = this.channels[channel];
    const out: number[] = new Array(Math.max(0, this.length - first));
    const val = (num: number, den: number) => (c.mode === 'max' ? num : den > 0 ? num / den : 0);
    for (let i = first; i < this.fineLen; i++) out[i - first] = round4(val(c.fineNum[i], c.fineDen[i]));
    for (let i = Math.max(0, first - this.fineLen); i < this.coarseLen; i++) out[this.fineLen + i - first] = round4(val(c.coarseNum[i], c.coarseDen[i]));
    return out;
  }

  /** The last recorded value of a channel (0 when none): for live snapshots. */
  last(channel: number): number {
    const c = this.channels[channel];
    let num: number, den: number;
    if (this.cursor >= 0) { num = c.fineNum[this.cursor]; den = c.fineDen[this.cursor]; }
    else { num = c.coarseNum[-1 - this.cursor]; den = c.coarseDen[-1 - this.cursor]; }
    return c.mode === 'max' ? num : den > 0 ? num / den : 0;
  }

  private halve(): void {
    for (const c of this.channels) {
      for (let i = 0; i < COARSE_POINTS / 2; i++) {
        const a = 2 * i, b = a + 1;
        if (c.mode === 'max') {
          c.coarseNum[i] = Math.max(c.coarseNum[a], c.coarseNum[b]);
          c.coarseDen[i] = 1;
        } else {
          c.coarseNum[i] = c.coarseNum[a] + c.coarseNum[b];
          c.coarseDen[i] = c.coarseDen[a] + c.coarseDen[b];
        }
      }
      c.coarseNum.fill(0, COARSE_POINTS / 2);
      c.coarseDen.fill(0, COARSE_POINTS / 2);
    }
    this.coarseWidthMs *= 2;
    this.coarseLen = Math.ceil(this.coarseLen / 2);
  }
}

/** Rounds to 4 decimals (0 for NaN and infinities), as every number in a report is. */
export function round4(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.round(v * 10_000) / 10_000;
}
