import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import { parseScenario } from '../../src/scenario/parse';
import { storyOf } from '../../src/scenario/story';
import { binomialZ, lazy, loadScenario, ROOT, runToEnd, type Data } from './helpers';

/**
 * scenarios/ecommerce.json: the guide's e-commerce example as a first scenario. Shoppers ->
 * API gateway (auth with a cached check, a route per service) -> auth, product, order and
 * payment services, each owning its database; order publishes to the order-events queue that
 * the notification service consumes; a service registry. It must run cleanly: no failures at
 * steady state and every node comfortably below saturation, on its own seed and two more.
 */
const data = () => loadScenario('ecommerce');
const SEEDS = [1, 2, 3];
const reports = lazy(() => new Map<number, Report>(SEEDS.map((seed) => [seed, runToEnd(data(), seed)])));

describe('scenarios/ecommerce.json', () => {
  it('parses without warnings: every database has one owner (database per service)', () => {
    const r = parseScenario(data());
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(r.warnings).toEqual([]);
    const s = r.scenario;
    for (const db of s.nodes.filter((n) => n.kind === 'database')) {
      expect(s.edges.filter((e) => e.to === db.id).map((e) => e.from), db.id).toHaveLength(1);
    }
    expect(s.nodes.filter((n) => n.kind === 'database').map((n) => n.id).sort()).toEqual(['orders-db', 'payments-db', 'products-db']);
  });

  it('is built as the guide describes it', () => {
    const s = data();
    const node = (id: string) => (s.nodes as Data[]).find((n) => n.id === id)!;
    expect(node('users').load.rps).toBe(50);
    expect(node('gateway').auth).toEqual({ to: 'auth', cacheTtlMs: 60_000 });
    expect((node('gateway').routes as Data[]).map((r) => r.to).sort()).toEqual(['auth', 'order', 'payment', 'product']);
    expect(node('registry').kind).toBe('registry');
    expect(node('order-events')).toMatchObject({ kind: 'queue', delivery: 'at-least-once' });
    expect(s.edges).toContainEqual({ from: 'order', to: 'order-events' });
    expect(s.edges).toContainEqual({ from: 'order-events', to: 'notification' });
    expect(s.tracing).toEqual({ sampleRate: 0.05 });
    const guarded = (s.edges as Data[]).filter((e) => e.timeoutMs !== undefined && (e.retry || e.circuitBreaker));
    expect(guarded.length).toBeGreaterThanOrEqual(2);
  });

  it('is laid out in columns for a first-time visitor: labels, positions, a short description', () => {
    const s = data();
    const sentences = storyOf(s.description as string).text.join(' ').split(/(?<=[.!?])\s+(?=[A-Z])/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    const column: Record<string, number> = { client: 0, gateway: 250, registry: 250, service: 500, database: 750, queue: 750 };
    for (const n of s.nodes as Data[]) {
      expect(n.label, n.id).toBeTruthy();
      expect(n.position.x, n.id).toBe(n.id === 'notification' ? 1000 : column[n.kind]);
      expect(n.position.y % 130, n.id).toBe(0);
    }
    // No two nodes on the same spot.
    const spots = (s.nodes as Data[]).map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it.each(SEEDS)('seed %i: no failures, and every node below 70 percent utilization', (seed) => {
    const r = reports().get(seed)!;
    expect(r.stoppedEarly).toBeUndefined();
    expect(r.clients.users.sent).toBeGreaterThan(2800); // 50 rps x 60 s
    expect(r.clients.users.failed).toBe(0);
    for (const [id, n] of Object.entries(r.nodes)) {
      expect(n.utilization, id).toBeLessThan(0.7);
      expect(n.rejected + n.failed, id).toBe(0);
    }
    for (const [key, e] of Object.entries(r.edges)) expect(e.errors + e.timeouts + e.retries, key).toBe(0);
    expect(r.clients.users.latencyMs.p99).toBeLessThan(500);
  });

  it.each(SEEDS)('seed %i: the paths reach their services in their shares, and the auth check is cached', (seed) => {
    const r = reports().get(seed)!;
    const n = r.clients.users.sent;
    // 60 % /products, 25 % /orders, 5 % /payments/history (5 sigma; a few are still in flight at the end).
    expect(binomialZ(r.edges['gateway->product'].calls, n, 0.6)).toBeLessThan(5);
    expect(binomialZ(r.edges['gateway->order'].calls, n, 0.25)).toBeLessThan(5);
    expect(binomialZ(r.edges['gateway->payment'].calls, n, 0.05)).toBeLessThan(5);
    // Auth: the /auth/login route (10 %) plus one check per cache expiry (one client, 60 s TTL, 60 s run).
    const checks = r.edges['gateway->auth'].calls - Math.round(0.1 * n);
    expect(Math.abs(checks)).toBeLessThan(5 * Math.sqrt(n * 0.1 * 0.9));
    // Every order is paid for once and published once; the notifications keep up.
    // (An order paid for in the run's last moments is published just after it ends: about one,
    // 12.5 orders/s times the ~70 ms the payment call takes.)
    const paidNotPublished = r.edges['order->payment'].calls - r.edges['order->order-events'].calls;
    expect(paidNotPublished).toBeGreaterThanOrEqual(0);
    expect(paidNotPublished).toBeLessThanOrEqual(5);
    const q = r.nodes['order-events'] as unknown as Record<string, number>;
    expect(q.lost + q.redelivered + q.deadLettered).toBe(0);
    expect(q.published - q.acked).toBeLessThan(10);
    expect(r.traces!.length).toBeGreaterThan(0);
  });

  it('tracing does not change the run: without it, the same numbers', () => {
    const s = data();
    delete s.tracing;
    const bare = runToEnd(s, 1), traced = reports().get(1)!;
    expect(bare.clients).toEqual(traced.clients);
    expect(bare.edges).toEqual(traced.edges);
  });

  it('runs cleanly with npm run sim', () => {
    const r = spawnSync('npm', ['run', '-s', 'sim', '--', 'scenarios/ecommerce.json', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.warnings).toEqual([]);
    expect(report.clients.users.failed).toBe(0);
    expect(report.clients).toEqual(reports().get(1)!.clients);
  });
});
