/** The Horizontal Pod Autoscaler's settings: their fields, Kubernetes' defaults, and their checks. */

/** Normalized autoscaler configuration. Times in simulated milliseconds. */
export interface HpaConfig {
  /** Lowest replica count the autoscaler sets (>= 1). */
  readonly minReplicas: number;
  /** Highest replica count the autoscaler sets. */
  readonly maxReplicas: number;
  /** Target mean utilization of ready replicas, a fraction in (0, 1]. */
  readonly targetUtilization: number;
  /** How often the caller runs {@link HorizontalPodAutoscaler.decide}; not used by the kernel itself. */
  readonly syncPeriodMs: number;
  /** No change while |utilization/target − 1| <= tolerance. */
  readonly tolerance: number;
  /** Scale-down follows the highest recommendation in this stabilization period. */
  readonly scaleDownStabilizationMs: number;
  /** Scale-up follows the lowest recommendation in this stabilization period. */
  readonly scaleUpStabilizationMs: number;
  /** Scale-up policy: may add this percentage of the replicas at the period start... */
  readonly scaleUpPercent: number;
  /** ...or this many pods, whichever allows more (selectPolicy Max). */
  readonly scaleUpPods: number;
  /** Period of both scale-up policies. */
  readonly scaleUpPeriodMs: number;
  /** Scale-down policy: may remove this percentage of the replicas at the period start. */
  readonly scaleDownPercent: number;
  /** Period of the scale-down policy. */
  readonly scaleDownPeriodMs: number;
}

/** A configuration with defaults left out; only `maxReplicas` is required, as in Kubernetes. */
export type HpaConfigInput = Partial<HpaConfig> & { readonly maxReplicas: number };

/** Kubernetes' defaults (controller flags and the default `behavior`), target 50 % utilization. */
export const HPA_DEFAULTS: Readonly<Omit<HpaConfig, 'maxReplicas'>> = {
  minReplicas: 1,
  targetUtilization: 0.5,
  syncPeriodMs: 15_000,
  tolerance: 0.1,
  scaleDownStabilizationMs: 300_000,
  scaleUpStabilizationMs: 0,
  scaleUpPercent: 100,
  scaleUpPods: 4,
  scaleUpPeriodMs: 15_000,
  scaleDownPercent: 100,
  scaleDownPeriodMs: 15_000,
};

/** Fills in defaults and checks bounds; throws a RangeError naming the bad field. */
export function normalizeHpaConfig(input: HpaConfigInput): HpaConfig {
  const cfg: HpaConfig = { ...HPA_DEFAULTS, ...stripUndefined(input), maxReplicas: input.maxReplicas };
  const bad = (field: string, why: string): never => {
    throw new RangeError(`HPA config: ${field} ${why}`);
  };
  if (!Number.isInteger(cfg.minReplicas) || cfg.minReplicas < 1) bad('minReplicas', 'must be an integer >= 1');
  if (!Number.isInteger(cfg.maxReplicas) || cfg.maxReplicas < cfg.minReplicas) {
    bad('maxReplicas', `must be an integer >= minReplicas (${cfg.minReplicas})`);
  }
  if (!(cfg.targetUtilization > 0 && cfg.targetUtilization <= 1)) bad('targetUtilization', 'must be in (0, 1]');
  if (!(cfg.tolerance >= 0 && cfg.tolerance < 1)) bad('tolerance', 'must be in [0, 1)');
  for (const f of ['syncPeriodMs', 'scaleUpPeriodMs', 'scaleDownPeriodMs'] as const) {
    if (!(cfg[f] > 0)) bad(f, 'must be > 0');
  }
  for (const f of ['scaleDownStabilizationMs', 'scaleUpStabilizationMs', 'scaleUpPercent', 'scaleUpPods', 'scaleDownPercent'] as const) {
    if (!(cfg[f] >= 0)) bad(f, 'must be >= 0');
  }
  return cfg;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
