import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/metrics/report';
import type { Span, Trace } from '../../src/engine/metrics/tracer';
import { note, runToEnd } from './helpers';

// Traces of calls with a retry and a timeout. users → api → back; api→back has timeoutMs 60
// and maxAttempts 2 (retry on error and timeout); back takes lognormal time (median 20 ms,
// p99 500 ms, so ~13 % of attempts time out) and answers 30 % of requests with 500. Every
// request is traced (sampleRate 1); the report keeps the slowest, latest failed and latest.
const tracedScenario = {
  version: 1, name: 'traces', seed: 1010, durationMs: 10_000, tracing: { sampleRate: 1 },
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 20 } },
    { id: 'api', kind: 'service', concurrency: 50, serviceTimeMs: 2 },
    { id: 'back', kind: 'service', concurrency: 50, serviceTimeMs: { dist: 'lognormal', median: 20, p99: 500 } },
  ],
  edges: [{ from: 'users', to: 'api' }, { from: 'api', to: 'back', timeoutMs: 60, retry: { maxAttempts: 2, backoffMs: 10 } }],
  faults: [{ kind: 'error', target: 'back', rate: 0.3 }],
};

const RETRY_NOTE = /^retry after (\d+) ms backoff$/;
const TIMEOUT_NOTE = /^timed out after 60 ms: the caller gave up$/;

describe('traces with a retry and a timeout (sampleRate 1)', () => {
  let r: Report;
  let traces: Trace[];
  beforeAll(() => {
    r = runToEnd(tracedScenario);
    traces = r.traces ?? [];
    note('traces', [`${traces.length} kept, ${traces.filter((t) => t.status === 'error').length} failed`]);
  });

  it('keeps failed traces, whose root names the cause', () => {
    const failed = traces.filter((t) => t.status === 'error');
    expect(failed.length).toBeGreaterThan(5);
    for (const t of failed) {
      const root = t.spans.find((s) => s.parentSpanId === null)!;
      expect(root.status).toBe('error');
      expect(['error', 'timeout']).toContain(t.cause);
      expect(root.cause).toBe(t.cause);
      expect(t.durationMs).toBeCloseTo(root.endMs! - root.startMs, 6);
    }
    expect(new Set(failed.map((t) => t.cause))).toEqual(new Set(['error', 'timeout']));
  });

  it("every trace's spans form a tree: one root, every parent in the same trace, no cycles, children start after parents", () => {
    for (const t of traces) {
      const byId = new Map<string, Span>(t.spans.map((s) => [s.spanId, s]));
      expect(byId.size).toBe(t.spans.length);
      const roots = t.spans.filter((s) => s.parentSpanId === null);
      expect(roots).toHaveLength(1);
      expect(roots[0].node).toBe('users');
      for (const s of t.spans) {
        let cur = s;
        for (let hops = 0; cur.parentSpanId !== null; hops++) {
          expect(hops).toBeLessThan(t.spans.length);
          const parent = byId.get(cur.parentSpanId);
          expect(parent, `parent of ${cur.spanId} in trace ${t.traceId}`).toBeDefined();
          expect(cur.startMs).toBeGreaterThanOrEqual(parent!.startMs);
          cur = parent!;
        }
        expect(cur).toBe(roots[0]);
      }
      // Structure: users → api (one span) → back (one span per attempt).
      const api = t.spans.filter((s) => s.node === 'api');
      expect(api).toHaveLength(1);
      expect(api[0].parentSpanId).toBe(roots[0].spanId);
      for (const s of t.spans.filter((x) => x.node === 'back')) {
        expect(s.parentSpanId).toBe(api[0].spanId);
        expect(s.edge).toBe('api->back');
      }
    }
  });

  it('a retry is a sibling span with attempt 2 and a "retry after N ms backoff" annotation', () => {
    const retries = traces.flatMap((t) => t.spans.filter((s) => s.attempt === 2));
    expect(retries.length).toBeGreaterThan(5);
    for (const t of traces) {
      const back = t.spans.filter((s) => s.node === 'back');
      const second = back.find((s) => s.attempt === 2);
      if (!second) continue;
      const first = back.find((s) => s.attempt === 1)!;
      expect(second.parentSpanId).toBe(first.parentSpanId);
      const m = second.annotations.map((a) => RETRY_NOTE.exec(a)).find((x) => x !== null);
      expect(m, second.annotations.join(' | ')).toBeDefined();
      const backoff = Number(m![1]);
      // Full jitter on 10 ms: 0-10 ms.
      expect(backoff).toBeGreaterThanOrEqual(0);
      expect(backoff).toBeLessThanOrEqual(10);
      // After an error the retry starts when the first answer came back plus the backoff.
      // (A timed-out first attempt is checked below; its span's end is the callee's late
      // answer, see KNOWN_BUG_traceTimedOutSpan.test.ts.)
      if (first.cause === 'error' && !first.annotations.some((a) => TIMEOUT_NOTE.test(a))) expect(Math.abs(second.startMs - (first.endMs! + backoff))).toBeLessThanOrEqual(0.5 + 1e-9);
    }
  });

  it('a timed-out attempt carries a timeout annotation, and its retry starts after timeout + backoff', () => {
    const timedOut = traces.flatMap((t) => t.spans.filter((s) => s.annotations.some((a) => TIMEOUT_NOTE.test(a))));
    expect(timedOut.length).toBeGreaterThan(3);
    for (const t of traces) {
      const first = t.spans.find((s) => s.node === 'back' && s.attempt === 1 && s.annotations.some((a) => TIMEOUT_NOTE.test(a)));
      const second = t.spans.find((s) => s.node === 'back' && s.attempt === 2);
      if (!first || !second) continue;
      const backoff = Number(second.annotations.map((a) => RETRY_NOTE.exec(a)).find((x) => x !== null)![1]);
      expect(Math.abs(second.startMs - (first.startMs + 60 + backoff))).toBeLessThanOrEqual(0.5 + 1e-9);
    }
    // A call that timed out on both attempts fails the request with cause timeout.
    const bothTimedOut = traces.filter((t) => t.spans.filter((s) => s.node === 'back' && s.annotations.some((a) => TIMEOUT_NOTE.test(a))).length === 2);
    for (const t of bothTimedOut) expect(t.cause).toBe('timeout');
  });
});

describe('spans of timed-out attempts', () => {
  // The caller's view of a span ends when the caller stops waiting (OpenTelemetry ends a
  // CLIENT span then, with status Error); the callee's late answer only sets serverEndMs.
  const timedOutSpans = () =>
    (runToEnd(tracedScenario).traces ?? []).flatMap((t) => t.spans.filter((s) => s.annotations.some((a) => a.startsWith('timed out after'))));

  it('end at the timeout with status error and cause timeout', () => {
    const spans = timedOutSpans();
    expect(spans.length).toBeGreaterThan(10);
    for (const s of spans) {
      expect(s.status).toBe('error');
      expect(s.cause).toBe('timeout');
      expect(s.endMs! - s.startMs).toBeCloseTo(60, 6);
    }
  });
});
