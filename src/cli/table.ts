import type { Report } from '../engine/metrics/report';

/** Pads columns so a table reads in a terminal. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  return cells
    .map((r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '))
    .join('\n');
}

export const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
export const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** The human-readable report: clients, nodes, edges. */
export function formatReport(r: Report & { wallMs?: number }): string {
  const out: string[] = [];
  out.push(`${r.name}: ${r.simulatedMs / 1000} s simulated (warm-up ${r.warmupMs / 1000} s), seed ${r.seed}, ${r.eventsProcessed} events${r.wallMs !== undefined ? ` in ${r.wallMs} ms` : ''}`);
  if (r.stoppedEarly) out.push(`stopped early: ${r.stoppedEarly}`);
  for (const w of r.warnings) out.push(`warning: ${w}`);
  out.push('');
  out.push(table(
    ['client', 'sent', 'ok', 'failed', 'rps', 'mean ms', 'p50', 'p95', 'p99', 'max'],
    Object.entries(r.clients).map(([id, c]) => {
      // With no successful request there is no latency to show, and 0 would read as fast.
      const l = (v: number) => (c.ok > 0 ? ms(v) : '–');
      return [id, c.sent, c.ok, c.failed, c.throughput.toFixed(1), l(c.latencyMs.mean), l(c.latencyMs.p50), l(c.latencyMs.p95), l(c.latencyMs.p99), l(c.latencyMs.max)];
    }),
  ));
  const failures = Object.entries(r.clients).flatMap(([id, c]) =>
    Object.entries(c.failedBy).filter(([, n]) => n > 0).map(([cause, n]) => `${id}: ${n} ${cause}`));
  if (failures.length) {
    out.push('latency: of successful requests only (a failure that comes back fast must not make it look better)');
    out.push(`failures: ${failures.join(', ')}`);
    const failedLatency = Object.entries(r.clients).filter(([, c]) => c.failed > 0)
      .map(([id, c]) => `${id} p50 ${ms(c.failedLatencyMs.p50)} ms, p99 ${ms(c.failedLatencyMs.p99)} ms`);
    out.push(`failed requests' latency: ${failedLatency.join('; ')}`);
  }
  out.push('');
  out.push(table(
    ['node', 'kind', 'replicas', 'arrivals', 'completed', 'rejected', 'util', 'queue', 'resp ms'],
    Object.entries(r.nodes).map(([id, n]) => [id, n.kind, n.replicas, n.arrivals, n.completed, n.rejected, pct(n.utilization), n.meanQueueLength.toFixed(2), ms(n.meanResponseMs)]),
  ));
  const queues = Object.entries(r.nodes).filter(([, n]) => 'published' in n) as unknown as [string, Record<string, number>][];
  if (queues.length) {
    out.push('');
    out.push(table(
      ['queue', 'published', 'delivered', 'acked', 'lost', 'redelivered', 'dead-lettered', 'depth', 'max depth', 'oldest ms'],
      queues.map(([id, q]) => [id, q.published, q.delivered, q.acked, q.lost, q.redelivered, q.deadLettered, q.depth, q.maxDepth, ms(q.oldestAgeMs ?? 0)]),
    ));
  }
  if (Object.keys(r.edges).length) {
    out.push('');
    out.push(table(
      ['edge', 'calls', 'errors', 'timeouts', 'p99 ms'],
      Object.entries(r.edges).map(([k, e]) => [k, e.calls, e.errors, e.timeouts, ms(e.latencyMs.p99)]),
    ));
  }
  return out.join('\n');
}
