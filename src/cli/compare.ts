import type { Report } from '../engine/metrics/report';
import type { Scenario } from '../engine/model';
import type { SimArgs } from './args';
import { runScenarioFile, type CliReport } from './runScenario';
import { ms, pct, table } from './table';

/**
 * `npm run sim -- FILE --compare OTHER`: two runs side by side, one row per measure, so two
 * designs of the same system (say 4 small instances against 1 xlarge) can be weighed on
 * latency, failures, downtime, lost sessions and cost in one table. Both runs take the same
 * command-line overrides (seed, duration, warm-up).
 */

/** One run of a comparison: its file, its report, and the scenario it ran (for sizes). */
export interface ComparedRun {
  file: string;
  report: CliReport;
  scenario: Scenario;
}

/** Runs FILE and OTHER (args.compare) as the CLI runs one file. */
export function runComparison(args: SimArgs & { compare: string }, read: (file: string) => string): [ComparedRun, ComparedRun] {
  const one = (file: string): ComparedRun => {
    const { report, scenario } = runScenarioFile({ ...args, file }, read);
    return { file, report, scenario };
  };
  return [one(args.file), one(args.compare)];
}

/**
 * Seconds during which a service had no ready instance, from its `readyReplicas` series
 * (each point's value is the ready count at the end of its second, or a mean over a coarser
 * bucket; a mean below 1 counts as that share of the bucket down).
 */
export function downtimeS(r: Report, node: string): number {
  const s = r.series.nodes[node];
  const t = r.series.tMs;
  if (!s) return 0;
  let downMs = 0;
  for (let i = 0; i < t.length; i++) {
    const dt = (i + 1 < t.length ? t[i + 1] : r.simulatedMs) - t[i];
    const ready = s.readyReplicas[i];
    if (ready < 1) downMs += dt * (1 - ready);
  }
  return downMs / 1000;
}

/** The worst one-second error rate a client saw (0..1). */
export function worstSecondErrorRate(r: Report, client: string): number {
  const s = r.series.clients[client];
  return s ? Math.max(0, ...s.errorRate) : 0;
}

const money = (v: number) => (v >= 100 ? `$${v.toFixed(0)}` : v >= 1 ? `$${v.toFixed(2)}` : `$${v.toFixed(4)}`);

/** What the scenario set for a service: "4 x small", "1 x xlarge (autoscaled 1..4)". */
function shapeOf(s: Scenario, id: string): string {
  const n = s.nodes.find((x) => x.id === id);
  if (!n || n.kind !== 'service') return '-';
  const auto = n.autoscale ? ` (autoscaled ${n.autoscale.minReplicas}..${n.autoscale.maxReplicas})` : '';
  return `${n.instances} x ${n.size ?? 'small'}${auto}`;
}

/** The side-by-side table. */
export function formatComparison([a, b]: [ComparedRun, ComparedRun]): string {
  const ra = a.report, rb = b.report;
  const rows: (string | number)[][] = [];
  const both = (keys: (r: Report) => string[]) => [...new Set([...keys(ra), ...keys(rb)])];
  const row = (label: string, f: (r: Report, run: ComparedRun) => string | number | undefined) =>
    rows.push([label, f(ra, a) ?? '-', f(rb, b) ?? '-']);

  row('scenario', (r) => r.name);
  row('simulated s', (r) => r.simulatedMs / 1000);
  for (const id of both((r) => Object.keys(r.clients))) {
    const c = (r: Report) => r.clients[id];
    row(`${id}: sent`, (r) => c(r)?.sent);
    row(`${id}: failed`, (r) => c(r) && `${c(r).failed} (${pct(c(r).errorRate)})`);
    row(`${id}: worst second error rate`, (r) => c(r) && pct(worstSecondErrorRate(r, id)));
    row(`${id}: throughput rps`, (r) => c(r)?.throughput.toFixed(1));
    row(`${id}: latency p50 ms`, (r) => c(r) && ms(c(r).latencyMs.p50));
    row(`${id}: latency p99 ms`, (r) => c(r) && ms(c(r).latencyMs.p99));
    const causes = both((r) => Object.entries(r.clients[id]?.failedBy ?? {}).filter(([, v]) => v > 0).map(([k]) => k));
    for (const cause of causes) row(`${id}: failed ${cause}`, (r) => (c(r)?.failedBy as Record<string, number> | undefined)?.[cause]);
  }
  const services = both((r) => Object.entries(r.nodes).filter(([, n]) => n.kind === 'service').map(([id]) => id));
  for (const id of services) {
    const n = (r: Report) => r.nodes[id];
    row(`${id}: instances (configured)`, (_r, run) => shapeOf(run.scenario, id));
    row(`${id}: replicas at end`, (r) => n(r) && `${n(r).readyReplicas}/${n(r).replicas} ready`);
    row(`${id}: utilization`, (r) => n(r) && pct(n(r).utilization));
    row(`${id}: downtime s (none ready)`, (r) => n(r) && downtimeS(r, id).toFixed(0));
    row(`${id}: sessions lost`, (r) => n(r)?.sessionsLost);
    row(`${id}: cost`, (r) => (r.cost.byNode[id] !== undefined ? money(r.cost.byNode[id]) : undefined));
    row(`${id}: cost per hour now`, (r) => (r.cost.perHour[id] !== undefined ? money(r.cost.perHour[id]) : undefined));
  }
  row('cost total', (r) => money(r.cost.total));
  row('cost per hour now', (r) => money(Object.values(r.cost.perHour).reduce((x, y) => x + y, 0)));
  row('scaling events', (r) => r.events.filter((e) => e.kind === 'autoscale' || e.kind === 'resize').length);
  return table(['', a.file, b.file], rows);
}
