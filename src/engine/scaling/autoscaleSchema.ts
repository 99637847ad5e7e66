/**
 * Scenario-file schemas of the scaling settings of a service: its autoscaler, its instance
 * size and its scalability coefficients. The `.describe()` texts are shown in the inspector.
 */
import { z } from 'zod';
import { HPA_DEFAULTS } from './hpaConfig';
import { DEFAULT_SIZE, DEFAULT_USL, SIZE_NAMES } from './sizes';

/** Upper bound on replicas: a browser simulation of more instances is not useful to watch. */
export const MAX_REPLICAS_LIMIT = 1000;

/**
 * A service's horizontal autoscaler (the Kubernetes HPA on utilization). Kubernetes writes the
 * target as `averageUtilization` in percent (1..100); we take a fraction `targetUtilization`
 * (0.5 = 50 %). Omitted fields take Kubernetes' defaults; the rest of the HPA `behavior`
 * (scale-up 100 % or 4 pods per 15 s, scale-down 100 % per 15 s) is fixed.
 */
export const autoscaleSchema = z
  .object({
    minReplicas: z.number().int().min(1).max(MAX_REPLICAS_LIMIT).default(HPA_DEFAULTS.minReplicas)
      .describe('Fewest instances the autoscaler keeps (at least 1).'),
    maxReplicas: z.number().int().min(1).max(MAX_REPLICAS_LIMIT).default(10)
      .describe('Most instances the autoscaler starts.'),
    targetUtilization: z.number().gt(0).max(1).default(HPA_DEFAULTS.targetUtilization)
      .describe('Mean busy fraction of ready instances to aim for, 0 to 1 (0.5 = 50 %).'),
    syncPeriodMs: z.number().int().min(1000).max(600_000).default(HPA_DEFAULTS.syncPeriodMs)
      .describe('How often the autoscaler decides, in milliseconds.'),
    tolerance: z.number().min(0).lt(1).default(HPA_DEFAULTS.tolerance)
      .describe('No change while utilization is within this fraction of the target (0.1 = ±10 %).'),
    scaleDownStabilizationMs: z.number().int().min(0).max(3_600_000).default(HPA_DEFAULTS.scaleDownStabilizationMs)
      .describe('Scale down only to the highest recommendation of this many past milliseconds.'),
  })
  .refine((a) => a.maxReplicas >= a.minReplicas, {
    message: 'maxReplicas must be greater than or equal to minReplicas',
    path: ['maxReplicas'],
  })
  .describe('Horizontal autoscaler: adds and removes instances to keep utilization near the target.');

/** A validated autoscaler setting, defaults filled in; `new HorizontalPodAutoscaler(it)` accepts it. */
export type AutoscaleConfig = z.output<typeof autoscaleSchema>;

/** The instance size of a service; see `SIZES` in sizes.ts. */
export const sizeSchema = z
  .enum(SIZE_NAMES)
  .default(DEFAULT_SIZE)
  .describe('Instance size: small 2 vCPU, medium 4, large 8, xlarge 16; price doubles with each step.');

/** A validated size name. */
export type SizeSetting = z.output<typeof sizeSchema>;

/**
 * Universal Scalability Law coefficients of a service, used for vertical scaling. To make the
 * whole object optional, use `uslSchema.prefault({})`: zod 4's `.default({})` would return
 * `{}` unparsed, without the field defaults.
 */
export const uslSchema = z
  .object({
    alpha: z.number().min(0).max(1).default(DEFAULT_USL.alpha)
      .describe('Contention: the serial fraction of the work, 0 to 1 (0.05 = 5 % cannot run in parallel).'),
    beta: z.number().min(0).max(1).default(DEFAULT_USL.beta)
      .describe('Coherency: the cost of cores keeping each other in sync, 0 to 1 (typically below 0.01); above 0, adding cores eventually lowers throughput.'),
  })
  .describe('How throughput grows with vCPUs (Universal Scalability Law).');

/** Validated USL coefficients. */
export type UslSetting = z.output<typeof uslSchema>;
