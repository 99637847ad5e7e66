import { describe, expect, it } from 'vitest';
import { HorizontalPodAutoscaler, type HpaDecision } from './hpa';
import { HPA_DEFAULTS, normalizeHpaConfig, type HpaConfigInput } from './hpaConfig';

const SYNC = 15_000;

/** A sync where every replica is ready. */
function sync(hpa: HorizontalPodAutoscaler, nowMs: number, replicas: number, utilization: number): HpaDecision {
  return hpa.decide(nowMs, { currentReplicas: replicas, readyReplicas: replicas, notReadyReplicas: 0, utilization });
}

/**
 * Drives the autoscaler like the simulator does: a sync every 15 s, each decision applied at
 * once, utilization given as a function of time and replica count. Returns the replica count
 * after each sync.
 */
function run(cfg: HpaConfigInput, start: number, syncs: number, util: (tMs: number, replicas: number) => number): number[] {
  const hpa = new HorizontalPodAutoscaler(cfg);
  let replicas = start;
  const out: number[] = [];
  for (let i = 0; i < syncs; i++) {
    const t = i * SYNC;
    replicas = sync(hpa, t, replicas, util(t, replicas)).desiredReplicas;
    out.push(replicas);
  }
  return out;
}

describe('configuration', () => {
  it('defaults to Kubernetes behaviour', () => {
    const cfg = normalizeHpaConfig({ maxReplicas: 10 });
    expect(cfg).toEqual({ ...HPA_DEFAULTS, maxReplicas: 10 });
    expect(cfg).toMatchObject({
      minReplicas: 1, syncPeriodMs: 15_000, tolerance: 0.1, scaleDownStabilizationMs: 300_000,
      scaleUpStabilizationMs: 0, scaleUpPercent: 100, scaleUpPods: 4, scaleUpPeriodMs: 15_000,
      scaleDownPercent: 100, scaleDownPeriodMs: 15_000,
    });
  });

  it('rejects impossible settings', () => {
    expect(() => normalizeHpaConfig({ maxReplicas: 2, minReplicas: 3 })).toThrow(/maxReplicas/);
    expect(() => normalizeHpaConfig({ maxReplicas: 2, minReplicas: 0 })).toThrow(/minReplicas/);
    expect(() => normalizeHpaConfig({ maxReplicas: 2, targetUtilization: 0 })).toThrow(/targetUtilization/);
    expect(() => normalizeHpaConfig({ maxReplicas: 2, scaleUpPeriodMs: 0 })).toThrow(/scaleUpPeriodMs/);
  });

  it('ignores explicitly undefined fields', () => {
    expect(normalizeHpaConfig({ maxReplicas: 5, tolerance: undefined }).tolerance).toBe(0.1);
  });
});

describe('the replica formula', () => {
  it('4 replicas at 0.9 utilization, target 0.5 → ceil(4 × 1.8) = 8', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 20, targetUtilization: 0.5 });
    const d = sync(hpa, 0, 4, 0.9);
    expect(d.desiredReplicas).toBe(8);
    expect(d.reason).toBe('scale up: utilization 0.90 > target 0.50');
  });

  it('keeps the count within tolerance: 0.54 vs 0.5 (ratio 1.08)', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 20 });
    const d = sync(hpa, 0, 4, 0.54);
    expect(d).toEqual({ desiredReplicas: 4, reason: 'within tolerance: utilization 0.54 vs target 0.50' });
  });

  it('treats the tolerance bounds as inside, despite float rounding', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 20 });
    expect(sync(hpa, 0, 4, 0.55).desiredReplicas).toBe(4); // ratio 1.1
    expect(sync(hpa, SYNC, 4, 0.56).desiredReplicas).toBe(5); // ratio 1.12 → ceil(4.48)
  });

  it('does not ask for an extra replica because of float noise', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 20, targetUtilization: 0.3 });
    // 0.6 / 0.3 × 2 is 4 in exact arithmetic.
    expect(sync(hpa, 0, 2, 0.6).desiredReplicas).toBe(4);
  });

  it('is disabled when the service is scaled to 0', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 10 });
    const d = hpa.decide(0, { currentReplicas: 0, readyReplicas: 0, notReadyReplicas: 0, utilization: 0 });
    expect(d.desiredReplicas).toBe(0);
    expect(d.reason).toMatch(/disabled/);
  });

  it('changes nothing when no replica is ready to measure', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 10 });
    const d = hpa.decide(0, { currentReplicas: 3, readyReplicas: 0, notReadyReplicas: 3, utilization: 0 });
    expect(d).toEqual({ desiredReplicas: 3, reason: 'no ready replicas to measure' });
  });
});

describe('step load (the issue scenario)', () => {
  it('2 replicas, utilization jumps so the formula says 4 → 4 at the next sync', () => {
    // 0.5 (on target) until 20 s, then the same load would put 2 replicas at 100 %.
    const counts = run({ maxReplicas: 10, targetUtilization: 0.5 }, 2, 5, (t, n) => (t < 20_000 ? 0.5 : Math.min(1, 2 / n)));
    expect(counts).toEqual([2, 2, 4, 4, 4]); // syncs at 0, 15, 30, 45, 60 s; at 4 replicas utilization is 0.5
  });
});

describe('scale-up rate limit', () => {
  it('1 replica at utilization 1.0, target 0.1 → at most max(2 × 1, 1 + 4) = 5 in one step', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 100, targetUtilization: 0.1 });
    const d = sync(hpa, 0, 1, 1.0);
    expect(d.desiredReplicas).toBe(5);
    expect(d.reason).toBe('scale up to 5 limited by scale-up policy (wanted 10)');
    // A period later the allowance is relative to 5: max(10, 9) = 10.
    expect(sync(hpa, SYNC, 5, 1.0).desiredReplicas).toBe(10);
    // Then max(20, 14) = 20.
    expect(sync(hpa, 2 * SYNC, 10, 1.0).desiredReplicas).toBe(20);
  });

  it('counts the changes already made within the period against the limit', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 100, targetUtilization: 0.1 });
    expect(sync(hpa, 0, 1, 1.0).desiredReplicas).toBe(5);
    // 5 s later, still in the same 15 s period: the period started at 1, so 5 is all it gets.
    const d = sync(hpa, 5_000, 5, 1.0);
    expect(d.desiredReplicas).toBe(5);
    expect(d.reason).toMatch(/limited by scale-up policy/);
    // Exactly one period after the change, it no longer counts (Kubernetes: event after cutoff).
    expect(sync(hpa, 15_000, 5, 1.0).desiredReplicas).toBe(10);
  });

  it('uses the percent policy when it allows more than 4 pods', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 100 });
    expect(sync(hpa, 0, 10, 1.0).desiredReplicas).toBe(20); // wanted 20, limit max(20, 14)
    expect(sync(hpa, SYNC, 20, 1.0).desiredReplicas).toBe(40);
  });
});

describe('scale-down stabilization', () => {
  it('holds the high recommendation for 300 s after a load drop, then falls to the new level', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 20, targetUtilization: 0.5 });
    expect(sync(hpa, 0, 4, 0.9).desiredReplicas).toBe(8);
    expect(sync(hpa, SYNC, 8, 0.45).reason).toMatch(/within tolerance/); // recommends 8 at 15 s
    // Load drops at 30 s: 8 replicas at 0.1 → formula says ceil(8 × 0.2) = 2.
    for (let t = 2 * SYNC; t < SYNC + 300_000; t += SYNC) {
      const d = sync(hpa, t, 8, 0.1);
      expect(d.desiredReplicas, `at ${t} ms`).toBe(8);
      expect(d.reason).toBe('scale-down held by stabilization window (highest recommendation in the last 300 s: 8)');
    }
    // The last recommendation of 8 (at 15 s) leaves the window at 315 s.
    const d = sync(hpa, SYNC + 300_000, 8, 0.1);
    expect(d).toEqual({ desiredReplicas: 2, reason: 'scale down: utilization 0.10 < target 0.50' });
  });

  it('steps down through intermediate recommendations', () => {
    // Demand worth 4 replicas at target for 2 minutes, then worth 2.
    const counts = run({ maxReplicas: 20 }, 8, 40, (t, n) => (t < 120_000 ? 2 / n : 1 / n));
    expect(counts[0]).toBe(8); // the initial recommendation (8) holds for 300 s
    expect(counts.indexOf(4)).toBe(20); // at 300 s the seed leaves the window; highest left is 4
    expect(counts.indexOf(2)).toBe(27); // the last 4 (at 105 s) leaves the window at 405 s
    expect(counts[39]).toBe(2);
  });

  it('holds scale-down for a window after the autoscaler starts', () => {
    const counts = run({ maxReplicas: 10 }, 6, 22, () => 0.1);
    expect(counts.slice(0, 20).every((n) => n === 6)).toBe(true); // 0 .. 285 s
    expect(counts[20]).toBe(2); // at 300 s: ceil(6 × 0.2) = 2
  });

  it('limits scale-down by the percent policy per period', () => {
    const cfg = { maxReplicas: 20, scaleDownStabilizationMs: 0, scaleDownPercent: 50 };
    const hpa = new HorizontalPodAutoscaler(cfg);
    const d = sync(hpa, 0, 16, 0.05); // wants ceil(16 × 0.1) = 2
    expect(d).toEqual({ desiredReplicas: 8, reason: 'scale down to 8 limited by scale-down policy (wanted 2)' });
    expect(sync(hpa, 5_000, 8, 0.05).reason).toMatch(/no more this period/);
    expect(sync(hpa, SYNC, 8, 0.05).desiredReplicas).toBe(4);
  });
});

describe('scale-up stabilization (optional window)', () => {
  it('uses the lowest recommendation of the window', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 10, scaleUpStabilizationMs: 30_000 });
    // The initial recommendation (2, at 0 s) is the lowest until it leaves the window at 30 s.
    const d = sync(hpa, 0, 2, 1.0);
    expect(d.desiredReplicas).toBe(2);
    expect(d.reason).toBe('scale-up held by stabilization window (lowest recommendation in the last 30 s: 2)');
    expect(sync(hpa, SYNC, 2, 1.0).desiredReplicas).toBe(2);
    expect(sync(hpa, 2 * SYNC, 2, 1.0).desiredReplicas).toBe(4);
  });
});

describe('min and max', () => {
  it('caps scale-up at maxReplicas', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 10, targetUtilization: 0.2 });
    const d = sync(hpa, 0, 4, 1.0); // wants 20, policy allows 8
    expect(d.desiredReplicas).toBe(8);
    const d2 = sync(hpa, SYNC, 8, 1.0); // wants 40, policy allows 16, max 10
    expect(d2).toEqual({ desiredReplicas: 10, reason: 'scale up capped at maxReplicas 10 (wanted 40)' });
  });

  it('never goes below minReplicas', () => {
    const counts = run({ minReplicas: 3, maxReplicas: 10, scaleDownStabilizationMs: 0 }, 6, 3, () => 0);
    expect(counts).toEqual([3, 3, 3]);
    const hpa = new HorizontalPodAutoscaler({ minReplicas: 3, maxReplicas: 10 });
    expect(sync(hpa, 0, 3, 0).reason).toBe('at minReplicas 3 (wanted 0)');
  });

  it('brings a service outside [min, max] back at once', () => {
    const hpa = new HorizontalPodAutoscaler({ minReplicas: 2, maxReplicas: 5 });
    expect(sync(hpa, 0, 9, 0.5).desiredReplicas).toBe(5);
    expect(sync(hpa, SYNC, 1, 0.5).desiredReplicas).toBe(2);
  });
});

describe('not-ready replicas', () => {
  const input = (current: number, ready: number, utilization: number) =>
    ({ currentReplicas: current, readyReplicas: ready, notReadyReplicas: current - ready, utilization });

  it('blocks a scale-up that counting starting replicas as idle cancels', () => {
    // 3 ready at 0.7 (ratio 1.4) alone would ask for ceil(4.2) = 5; with the starting one at 0 %
    // the ratio is 1.4 × 3/4 = 1.05, within tolerance → no change.
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 10 });
    const d = hpa.decide(0, input(4, 3, 0.7));
    expect(d.desiredReplicas).toBe(4);
    expect(d.reason).toBe('no scale-up: counting 1 starting replica as idle, utilization would be 0.52 vs target 0.50');
    // Same load with all 4 ready scales up.
    expect(sync(new HorizontalPodAutoscaler({ maxReplicas: 10 }), 0, 4, 0.7).desiredReplicas).toBe(6);
  });

  it('blocks a scale-up whose direction reverses', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 10 });
    // 2 ready at 0.6 (ratio 1.2), 2 starting: 1.2 × 2/4 = 0.6 < 1 → no change (and no scale-down).
    expect(hpa.decide(0, input(4, 2, 0.6)).desiredReplicas).toBe(4);
  });

  it('still scales up when demand exceeds the replicas on their way', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 20 });
    // 2 ready at 1.0 (ratio 2), 2 starting: 2 × 2/4 = 1 → within tolerance → hold.
    expect(hpa.decide(0, input(4, 2, 1.0)).desiredReplicas).toBe(4);
    // 4 ready at 1.0 with target 0.25 (ratio 4), 4 starting: ratio 2 over 8 → 16.
    const h2 = new HorizontalPodAutoscaler({ maxReplicas: 20, targetUtilization: 0.25 });
    expect(h2.decide(0, input(8, 4, 1.0))).toEqual({ desiredReplicas: 16, reason: 'scale up: utilization 1.00 > target 0.25' });
  });

  it('ignores starting replicas on a scale-down (measured on ready ones only)', () => {
    const hpa = new HorizontalPodAutoscaler({ maxReplicas: 10, scaleDownStabilizationMs: 0 });
    // 2 ready at 0.1: ceil(2 × 0.2) = 1, whatever the 2 starting ones do.
    expect(hpa.decide(0, input(4, 2, 0.1)).desiredReplicas).toBe(1);
  });
});

describe('determinism', () => {
  it('gives the same decisions for the same inputs', () => {
    const util = (t: number, n: number) => Math.min(1, ((t % 200_000) < 100_000 ? 6 : 1) / n);
    const a = run({ maxReplicas: 12 }, 2, 60, util);
    const b = run({ maxReplicas: 12 }, 2, 60, util);
    expect(a).toEqual(b);
    expect(Math.max(...a)).toBeLessThanOrEqual(12);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(1);
  });
});
