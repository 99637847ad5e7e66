import type { Report } from '../engine/metrics/report';

/** Seconds in a row the clients must look as they did before the fault to count as recovered. */
export const STEADY_S = 5;
/** Error rate may sit this far (a share, 0..1) above its level before the fault and count as recovered. */
export const ERROR_SLACK = 0.02;
/** p99 may sit this many times its level before the fault and count as recovered. */
export const P99_SLACK = 1.5;

/**
 * Seconds from the first fault's start until every client is back to how it was before the
 * fault (error rate within 2 points, p99 within 1.5 times) and stays so for 5 seconds; 0 when
 * users never noticed the fault. Null when the run had no fault, or had not recovered by its
 * end (the caller says which: `faulted`).
 *
 * Read from the report's per-second series, so it is the same in the CLI and in the page.
 */
export function recoveryS(r: Report): number | null {
  const start = r.events.find((e) => e.kind === 'fault-start');
  if (!start) return null;
  const t = r.series.tMs;
  const first = t.findIndex((x) => x >= start.atMs);
  if (first < 0) return null;
  const clients = Object.values(r.series.clients);
  if (clients.length === 0) return null;
  // Each client's level before the fault, measured after the warm-up where there is any.
  const before = (i: number) => t[i] + 1000 <= start.atMs + 1e-9;
  const from = t.findIndex((x) => x >= r.warmupMs);
  const base = clients.map((c) => {
    let err = 0, p99 = 0, n = 0;
    for (let i = Math.max(0, from); i < first; i++) {
      if (!before(i)) continue;
      err += c.errorRate[i];
      p99 += c.latencyP99Ms[i];
      n++;
    }
    return n ? { err: err / n, p99: p99 / n } : null;
  });
  const healthy = (i: number) => clients.every((c, k) => {
    const b = base[k];
    if (!b) return c.errorRate[i] <= ERROR_SLACK;
    return c.errorRate[i] <= b.err + ERROR_SLACK && (b.p99 === 0 || c.latencyP99Ms[i] <= b.p99 * P99_SLACK);
  });
  let run = 0;
  for (let i = first; i < t.length; i++) {
    run = healthy(i) ? run + 1 : 0;
    if (run >= STEADY_S) {
      const back = t[i - STEADY_S + 1];
      return Math.max(0, Math.round((back - start.atMs) / 100) / 10);
    }
  }
  return null;
}
