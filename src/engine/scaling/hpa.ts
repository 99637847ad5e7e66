/**
 * The Kubernetes Horizontal Pod Autoscaler (autoscaling/v2) for one utilization metric, with
 * the default `behavior`: a pure kernel, data in and decisions out. The caller runs it every
 * `syncPeriodMs` and applies the decision.
 *
 * Follows `kubernetes/kubernetes` pkg/controller/podautoscaler: `replica_calculator.go`
 * (GetResourceReplicas) and `horizontal.go` (reconcileAutoscaler,
 * stabilizeRecommendationWithBehaviors, convertDesiredReplicasWithBehaviorRate,
 * storeScaleEvent). See semantics.md §6.
 */

import { normalizeHpaConfig, type HpaConfig, type HpaConfigInput } from './hpaConfig';

/** What the autoscaler sees at a sync. */
export interface HpaInput {
  /** Replicas the service is set to, ready or not (Kubernetes `scale.spec.replicas`). */
  readonly currentReplicas: number;
  /** Replicas ready to serve: the ones the utilization was measured on. */
  readonly readyReplicas: number;
  /** Replicas still starting (not ready); counted as idle when deciding a scale-up. */
  readonly notReadyReplicas: number;
  /** Busy worker time / worker time of the ready replicas over the last period, 0..1. */
  readonly utilization: number;
}

/** The autoscaler's decision. */
export interface HpaDecision {
  /** Replicas to set (equal to `currentReplicas` for no change). */
  readonly desiredReplicas: number;
  /** Why, in a short sentence for users. */
  readonly reason: string;
}

interface Stamped {
  readonly atMs: number;
  readonly value: number;
}

/**
 * Ceil that ignores float noise: 0.6 / 0.3 × 2 should ask for 4 replicas, not 5. Kubernetes
 * computes on integer percentages, where such noise rarely arises.
 */
function ceilReplicas(x: number): number {
  return Math.max(0, Math.ceil(x - 1e-9));
}

const pct = (x: number): string => x.toFixed(2);

/**
 * One autoscaler with its memory: recent recommendations (stabilization) and recent scale
 * events (rate limits). `nowMs` must not decrease between calls.
 *
 * Every call assumes its decision is applied at once, as the controller's scale update is:
 * a change in `desiredReplicas` is remembered as a scale event counting against the rate
 * limits of the following periods.
 *
 * @example
 * const hpa = new HorizontalPodAutoscaler({ maxReplicas: 10, targetUtilization: 0.5 });
 * hpa.decide(15_000, { currentReplicas: 4, readyReplicas: 4, notReadyReplicas: 0, utilization: 0.9 });
 * // → { desiredReplicas: 8, reason: 'scale up: utilization 0.90 > target 0.50' }
 */
export class HorizontalPodAutoscaler {
  /** The normalized configuration. */
  readonly config: HpaConfig;
  /** Unstabilized recommendations; null until the first sync (Kubernetes recordInitialRecommendation). */
  private recommendations: Stamped[] | null = null;
  /** Replicas added (up) or removed (down, positive) by past decisions. */
  private scaleUpEvents: Stamped[] = [];
  private scaleDownEvents: Stamped[] = [];

  constructor(config: HpaConfigInput) {
    this.config = normalizeHpaConfig(config);
  }

  /** Runs one sync at `nowMs`: how many replicas the service should have, and why. */
  decide(nowMs: number, input: HpaInput): HpaDecision {
    const { minReplicas, maxReplicas } = this.config;
    const current = input.currentReplicas;
    // Seeding the history with the current count holds scale-down for a full window after the
    // autoscaler starts, so a restart of the controller does not shrink a service at once.
    this.recommendations ??= [{ atMs: nowMs, value: current }];

    if (current === 0) return { desiredReplicas: 0, reason: 'autoscaling disabled: the service is scaled to 0' };
    if (current > maxReplicas) {
      return this.apply(nowMs, current, maxReplicas, `above maxReplicas: ${current} → ${maxReplicas}`);
    }
    if (current < minReplicas) {
      return this.apply(nowMs, current, minReplicas, `below minReplicas: ${current} → ${minReplicas}`);
    }

    const metric = this.recommend(input);
    // Kubernetes skips the sync (no recommendation recorded) when no pod has a usable metric.
    if (metric === null) return { desiredReplicas: current, reason: 'no ready replicas to measure' };

    const stabilized = this.stabilize(nowMs, current, metric.replicas);
    const limited = this.limitRate(nowMs, current, stabilized);

    return this.apply(nowMs, current, limited.replicas, limited.reason ?? this.explain(current, metric, stabilized));
  }

  /** The reason shown when no rate limit or bound cut the stabilized recommendation. */
  private explain(current: number, metric: { replicas: number; reason: string }, stabilized: number): string {
    const { minReplicas, maxReplicas } = this.config;
    if (stabilized === metric.replicas) return metric.reason;
    // Stabilized to the bound the metric asked to cross: the bound, not the window, is why.
    if (stabilized === current) {
      if (current === minReplicas && metric.replicas < minReplicas) return `at minReplicas ${current} (wanted ${metric.replicas})`;
      if (current === maxReplicas && metric.replicas > maxReplicas) return `at maxReplicas ${current} (wanted ${metric.replicas})`;
    }
    const down = metric.replicas < current;
    const windowS = Math.round((down ? this.config.scaleDownStabilizationMs : this.config.scaleUpStabilizationMs) / 1000);
    const verb = down ? 'scale-down' : 'scale-up';
    const which = down ? 'highest' : 'lowest';
    return stabilized === current
      ? `${verb} held by stabilization window (${which} recommendation in the last ${windowS} s: ${stabilized})`
      : `${verb} to ${stabilized} only, by stabilization window (${which} recommendation in the last ${windowS} s; wanted ${metric.replicas})`;
  }

  /** The metric's recommendation (replica_calculator.go GetResourceReplicas), before behaviour. */
  private recommend(input: HpaInput): { replicas: number; reason: string } | null {
    const { targetUtilization: target, tolerance } = this.config;
    const current = input.currentReplicas;
    const ready = input.readyReplicas;
    const notReady = input.notReadyReplicas;
    const u = input.utilization;
    if (!(ready > 0) || !Number.isFinite(u)) return null;
    // Compare against the bounds rather than |ratio − 1| so that 0.55 / 0.5 counts as within
    // a 0.1 tolerance despite float rounding.
    const within = (r: number): boolean => r >= 1 - tolerance && r <= 1 + tolerance;
    const ratio = u / target;
    const up = `scale up: utilization ${pct(u)} > target ${pct(target)}`;
    const down = `scale down: utilization ${pct(u)} < target ${pct(target)}`;

    if (!(notReady > 0 && ratio > 1)) {
      if (within(ratio)) return { replicas: current, reason: `within tolerance: utilization ${pct(u)} vs target ${pct(target)}` };
      // Only ready replicas carry the metric; a scale-down ignores the starting ones.
      return { replicas: ceilReplicas(ratio * ready), reason: ratio > 1 ? up : down };
    }
    // Scale-up with starting replicas: count them as idle (0 %) and ask again, so capacity
    // that is about to arrive is not bought twice.
    const counted = ready + notReady;
    const newRatio = (ratio * ready) / counted;
    const held = `no scale-up: counting ${notReady} starting replica${notReady === 1 ? '' : 's'} as idle, ` +
      `utilization would be ${pct(newRatio * target)} vs target ${pct(target)}`;
    if (within(newRatio) || newRatio < 1) return { replicas: current, reason: held };
    const replicas = ceilReplicas(newRatio * counted);
    if (replicas < current) return { replicas: current, reason: held };
    return { replicas, reason: up };
  }

  /** stabilizeRecommendationWithBehaviors: clamp to the lowest/highest recent recommendation. */
  private stabilize(nowMs: number, current: number, desired: number): number {
    const recs = this.recommendations as Stamped[];
    const upCutoff = nowMs - this.config.scaleUpStabilizationMs;
    const downCutoff = nowMs - this.config.scaleDownStabilizationMs;
    let upRec = desired;
    let downRec = desired;
    for (const r of recs) {
      if (r.atMs > upCutoff) upRec = Math.min(upRec, r.value);
      if (r.atMs > downCutoff) downRec = Math.max(downRec, r.value);
    }
    let stabilized = current;
    if (stabilized < upRec) stabilized = upRec;
    if (stabilized > downRec) stabilized = downRec;
    // Windows only slide forward, so a record outside both is never read again.
    const oldest = Math.min(upCutoff, downCutoff);
    this.recommendations = recs.filter((r) => r.atMs > oldest);
    this.recommendations.push({ atMs: nowMs, value: desired });
    return stabilized;
  }

  /** convertDesiredReplicasWithBehaviorRate: scaling policies, then min/max. */
  private limitRate(nowMs: number, current: number, desired: number): { replicas: number; reason: string | null } {
    const c = this.config;
    if (desired > current) {
      const start = this.periodStartReplicas(nowMs, current, c.scaleUpPeriodMs);
      let limit = Math.max(Math.ceil(start * (1 + c.scaleUpPercent / 100)), start + c.scaleUpPods);
      // Earlier decisions in this period already used the allowance: hold, do not shrink.
      if (limit < current) limit = current;
      if (desired <= Math.min(limit, c.maxReplicas)) return { replicas: desired, reason: null };
      return c.maxReplicas > limit
        ? {
          replicas: limit,
          reason: limit === current
            ? `scale-up limited by scale-up policy: no more this period (wanted ${desired})`
            : `scale up to ${limit} limited by scale-up policy (wanted ${desired})`,
        }
        : {
          replicas: c.maxReplicas,
          reason: c.maxReplicas === current
            ? `at maxReplicas ${c.maxReplicas} (wanted ${desired})`
            : `scale up capped at maxReplicas ${c.maxReplicas} (wanted ${desired})`,
        };
    }
    if (desired < current) {
      const start = this.periodStartReplicas(nowMs, current, c.scaleDownPeriodMs);
      let limit = Math.floor(start * (1 - c.scaleDownPercent / 100));
      if (limit > current) limit = current;
      if (desired >= Math.max(limit, c.minReplicas)) return { replicas: desired, reason: null };
      if (c.minReplicas < limit) {
        return {
          replicas: limit,
          reason: limit === current
            ? `scale-down limited by scale-down policy: no more this period (wanted ${desired})`
            : `scale down to ${limit} limited by scale-down policy (wanted ${desired})`,
        };
      }
      return {
        replicas: c.minReplicas,
        reason: c.minReplicas === current
          ? `at minReplicas ${c.minReplicas} (wanted ${desired})`
          : `scale down stopped at minReplicas ${c.minReplicas} (wanted ${desired})`,
      };
    }
    return { replicas: desired, reason: null };
  }

  /** Replicas at the start of the policy period: current minus the net change within it. */
  private periodStartReplicas(nowMs: number, current: number, periodMs: number): number {
    const cutoff = nowMs - periodMs;
    let added = 0;
    let removed = 0;
    for (const e of this.scaleUpEvents) if (e.atMs > cutoff) added += e.value;
    for (const e of this.scaleDownEvents) if (e.atMs > cutoff) removed += e.value;
    return current - added + removed;
  }

  /** Returns the decision, remembering a change as a scale event (storeScaleEvent). */
  private apply(nowMs: number, current: number, desired: number, reason: string): HpaDecision {
    if (desired !== current) {
      const longest = Math.max(this.config.scaleUpPeriodMs, this.config.scaleDownPeriodMs);
      const cutoff = nowMs - longest;
      this.scaleUpEvents = this.scaleUpEvents.filter((e) => e.atMs > cutoff);
      this.scaleDownEvents = this.scaleDownEvents.filter((e) => e.atMs > cutoff);
      if (desired > current) this.scaleUpEvents.push({ atMs: nowMs, value: desired - current });
      else this.scaleDownEvents.push({ atMs: nowMs, value: current - desired });
    }
    return { desiredReplicas: desired, reason };
  }
}
