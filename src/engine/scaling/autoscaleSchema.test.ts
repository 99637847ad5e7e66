import { describe, expect, it } from 'vitest';
import { autoscaleSchema, sizeSchema, uslSchema } from './autoscaleSchema';
import { HorizontalPodAutoscaler } from './hpa';
import { normalizeHpaConfig } from './hpaConfig';
import { SIZE_NAMES } from './sizes';

describe('autoscaleSchema', () => {
  it('fills in Kubernetes defaults and the 0..1 target', () => {
    expect(autoscaleSchema.parse({})).toEqual({
      minReplicas: 1,
      maxReplicas: 10,
      targetUtilization: 0.5,
      syncPeriodMs: 15_000,
      tolerance: 0.1,
      scaleDownStabilizationMs: 300_000,
    });
  });

  it('feeds the autoscaler directly', () => {
    const cfg = autoscaleSchema.parse({ maxReplicas: 4, targetUtilization: 0.7 });
    const hpa = new HorizontalPodAutoscaler(cfg);
    expect(hpa.config).toEqual(normalizeHpaConfig(cfg));
    expect(hpa.config.targetUtilization).toBe(0.7);
  });

  it('rejects out-of-range values', () => {
    const bad = [
      { minReplicas: 0 },
      { minReplicas: 1.5 },
      { maxReplicas: 0 },
      { targetUtilization: 0 },
      { targetUtilization: 50 }, // a percentage, as Kubernetes writes it
      { tolerance: -0.1 },
      { syncPeriodMs: 10 },
      { scaleDownStabilizationMs: -1 },
    ];
    for (const b of bad) expect(autoscaleSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
    expect(autoscaleSchema.safeParse({ targetUtilization: 1 }).success).toBe(true);
    expect(autoscaleSchema.safeParse({ scaleDownStabilizationMs: 0 }).success).toBe(true);
  });

  it('requires maxReplicas >= minReplicas, naming both fields', () => {
    const r = autoscaleSchema.safeParse({ minReplicas: 5, maxReplicas: 3 });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0];
    expect(issue.path).toEqual(['maxReplicas']);
    expect(issue.message).toMatch(/maxReplicas/);
    expect(issue.message).toMatch(/minReplicas/);
    // The default maxReplicas (10) is checked too.
    expect(autoscaleSchema.safeParse({ minReplicas: 11 }).success).toBe(false);
    expect(autoscaleSchema.safeParse({ minReplicas: 3, maxReplicas: 3 }).success).toBe(true);
  });

  it('describes every field for the inspector', () => {
    expect(autoscaleSchema.description).toBeTruthy();
    for (const [key, field] of Object.entries(autoscaleSchema.shape)) {
      expect(field.description, key).toMatch(/\w.*\.$/);
    }
  });
});

describe('sizeSchema', () => {
  it('accepts the catalogue names and defaults to small', () => {
    for (const name of SIZE_NAMES) expect(sizeSchema.parse(name)).toBe(name);
    expect(sizeSchema.parse(undefined)).toBe('small');
    expect(sizeSchema.safeParse('huge').success).toBe(false);
    expect(sizeSchema.description).toMatch(/vCPU/);
  });
});

describe('uslSchema', () => {
  it('defaults to α 0.05, β 0.0005 and bounds the coefficients', () => {
    expect(uslSchema.parse({})).toEqual({ alpha: 0.05, beta: 0.0005 });
    expect(uslSchema.prefault({}).parse(undefined)).toEqual({ alpha: 0.05, beta: 0.0005 });
    expect(uslSchema.safeParse({ alpha: 1.2 }).success).toBe(false);
    expect(uslSchema.safeParse({ alpha: -0.1 }).success).toBe(false);
    expect(uslSchema.safeParse({ beta: -0.001 }).success).toBe(false);
    expect(uslSchema.safeParse({ alpha: 0, beta: 0 }).success).toBe(true);
  });

  it('describes every field', () => {
    for (const [key, field] of Object.entries(uslSchema.shape)) expect(field.description, key).toBeTruthy();
  });
});
