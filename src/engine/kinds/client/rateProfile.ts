import type { OpenLoad } from './schema';

/**
 * The request rate of an open-loop client over simulated time: a base rate changed by
 * steps, a linear ramp, a spike multiplier and a sine wave, in that order.
 *
 * The engine treats the rate as piecewise constant: it asks {@link nextChangeMs} when to look
 * again, and resamples the next arrival at each change (exact for Poisson arrivals, which
 * are memoryless). Continuous shapes (ramp, sine) are re-read in small steps, each held at
 * its mean rate ({@link rateOver}), so the expected arrivals follow the rate's integral: a
 * rate held at each step's start would lag a ramp by half a step.
 */
export class RateProfile {
  /** A rate set live (the UI's slider) replaces the scripted base from then on. */
  baseOverride = -1;
  /** A live spike: multiplier until the given time. */
  liveSpikeUntilMs = -1;
  liveSpikeMultiplier = 1;
  private readonly steps: { atMs: number; rps: number }[];

  constructor(private readonly load: OpenLoad) {
    this.steps = [...(load.steps ?? [])].sort((a, b) => a.atMs - b.atMs);
  }

  rateAt(t: number): number {
    let r = this.load.rps;
    if (this.baseOverride >= 0) r = this.baseOverride;
    else {
      for (const s of this.steps) if (s.atMs <= t) r = s.rps;
      const ramp = this.load.ramp;
      if (ramp && t >= ramp.startMs) {
        const f = Math.min(1, (t - ramp.startMs) / ramp.durationMs);
        r = r + (ramp.toRps - r) * f;
      }
    }
    const spike = this.load.spike;
    if (spike && t >= spike.atMs && t < spike.atMs + spike.durationMs) r *= spike.multiplier;
    if (t < this.liveSpikeUntilMs) r *= this.liveSpikeMultiplier;
    const sine = this.load.sine;
    if (sine) r += sine.amplitudeRps * Math.sin((2 * Math.PI * t) / sine.periodMs);
    return r > 0 ? r : 0;
  }

  /**
   * The mean rate from t until the next change: what the engine holds until it looks again.
   * Between two changes the rate is smooth (linear on a ramp, a sine arc), so Simpson's rule
   * is exact for ramps and within a hair of the integral for the short arcs of a sine.
   */
  rateOver(t: number): number {
    const next = this.nextChangeMs(t);
    if (next === Infinity) return this.rateAt(t);
    // The rate just before `next` belongs to this step; `next` itself may start the next one.
    const end = next - (next - t) * 1e-9;
    return (this.rateAt(t) + 4 * this.rateAt((t + end) / 2) + this.rateAt(end)) / 6;
  }

  /** The next time after t at which the rate may differ; Infinity when it never will. */
  nextChangeMs(t: number): number {
    let next = Infinity;
    const consider = (x: number) => { if (x > t && x < next) next = x; };
    if (this.baseOverride < 0) {
      for (const s of this.steps) consider(s.atMs);
      const ramp = this.load.ramp;
      if (ramp) {
        const end = ramp.startMs + ramp.durationMs;
        consider(ramp.startMs);
        if (t >= ramp.startMs && t < end) consider(t + Math.max(100, Math.min(1000, ramp.durationMs / 50)));
        consider(end);
      }
    }
    const spike = this.load.spike;
    if (spike) { consider(spike.atMs); consider(spike.atMs + spike.durationMs); }
    if (this.liveSpikeUntilMs > t) consider(this.liveSpikeUntilMs);
    const sine = this.load.sine;
    if (sine && sine.amplitudeRps > 0) consider(t + Math.max(50, Math.min(1000, sine.periodMs / 50)));
    return next;
  }
}
