import { csvCell } from '../report/csv';
import type { Stat, SweepRow } from './rows';

/** The sweep as CSV, one row per value, every figure at full precision. */
export function sweepCsv(rows: readonly SweepRow[]): string {
  const clientIds = Object.keys(rows[0]?.clients ?? {});
  const three = (name: string) => [`${name}_mean`, `${name}_min`, `${name}_max`];
  const header = ['value', 'runs', 'failed_runs',
    ...clientIds.flatMap((id) => ['p50_ms', 'p99_ms', 'error_rate', 'throughput'].flatMap((f) => three(`${id}.${f}`))),
    ...three('error_rate'), ...three('throughput'), ...three('cost')];
  const nums = (s: Stat | null): (number | string)[] => (s === null ? ['', '', ''] : [s.mean, s.min, s.max]);
  const lines = rows.map((r) => [
    r.value, r.runs, r.failed,
    ...clientIds.flatMap((id) => [r.clients[id].p50, r.clients[id].p99, r.clients[id].errorRate, r.clients[id].throughput].flatMap(nums)),
    ...nums(r.errorRate), ...nums(r.throughput), ...nums(r.cost),
  ].map(csvCell).join(','));
  return [header.map(csvCell).join(','), ...lines].join('\n') + '\n';
}
