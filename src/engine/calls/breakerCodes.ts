// Plain constants and no imports: the bundler inlines the values of such a module into the
// hot path (see runtime/codes.ts). The page decodes the series with the same table.

/**
 * Circuit-breaker state codes, as the breaker keeps them. They are not an order of badness:
 * the time series store a severity instead (below), so that the worst state of a second wins.
 */
export const BREAKER_CLOSED = 0;
export const BREAKER_OPEN = 1;
export const BREAKER_HALF_OPEN = 2;
/** Name per state code, as Resilience4j spells it. */
export const BREAKER_STATE_NAMES = ['CLOSED', 'OPEN', 'HALF_OPEN'] as const;
export type BreakerStateName = (typeof BREAKER_STATE_NAMES)[number];

/** Severity per state code (closed 0, half-open 1, open 2): what a series' `breakerState` channel holds. */
export const BREAKER_SEVERITY_OF_STATE = [0, 2, 1] as const;
/** The state named by a severity code: the decoding of a series' `breakerState` channel. */
export const BREAKER_STATE_OF_SEVERITY = ['CLOSED', 'HALF_OPEN', 'OPEN'] as const satisfies readonly BreakerStateName[];

/** The state a `breakerState` series value stands for (a merged point keeps the worst second's). */
export function breakerStateOfSeverity(severity: number): BreakerStateName {
  return Number.isFinite(severity) ? BREAKER_STATE_OF_SEVERITY[Math.min(2, Math.max(0, Math.round(severity)))] : 'CLOSED';
}
