import type { Report } from '../engine/metrics/report';
import type { ScenarioInput } from '../engine/model';
import { thereIs } from './paths';
import type { Check } from './schema';

export type WindowSpec = NonNullable<Extract<Check, { series: string }>['window']>;

/** A window of simulated time [fromMs, toMs), or why there is none. */
export type ResolvedWindow = { ok: true; fromMs: number; toMs: number; label: string } | { ok: false; error: string };

/**
 * Resolves a window. A fault's window is where the run's own fault-start and fault-end events
 * put it (so a fault started live counts from when it started), else where the scenario
 * schedules it; either way widened by padMs on each side and kept inside the run.
 */
export function resolveWindow(w: WindowSpec, report: Report, scenario: ScenarioInput, runEndMs: number): ResolvedWindow {
  if ('fromMs' in w) return { ok: true, fromMs: w.fromMs, toMs: w.toMs, label: '' };
  const start = report.events.find((e) => e.kind === 'fault-start' && e.fault === w.fault);
  const def = (scenario.faults ?? []).find((f) => f.id === w.fault);
  let from: number, to: number;
  if (start) {
    const end = report.events.find((e) => e.kind === 'fault-end' && e.fault === w.fault && e.atMs >= start.atMs);
    from = start.atMs;
    to = end ? end.atMs : def?.durationMs !== undefined ? from + def.durationMs : runEndMs;
  } else if (def) {
    from = def.atMs ?? 0;
    to = def.durationMs !== undefined ? from + def.durationMs : runEndMs;
  } else {
    const ids = (scenario.faults ?? []).flatMap((f) => (f.id ? [f.id] : []));
    return { ok: false, error: `no fault with id "${w.fault}" in the scenario${ids.length ? ` (${thereIs(ids.length)} ${ids.join(', ')})` : ' (its faults have no ids)'}` };
  }
  return { ok: true, fromMs: Math.max(0, from - w.padMs), toMs: Math.min(runEndMs, to + w.padMs), label: ` (fault ${w.fault}${w.padMs ? ` ± ${w.padMs / 1000} s` : ''})` };
}
