import { describe, expect, it } from 'vitest';
import type { TraceView } from '../../../worker/protocol';
import { pickTraces, waterfallRows } from './waterfall';

const span = (spanId: string, parentSpanId: string | null, node: string, startMs: number, endMs: number | null, extra: Partial<TraceView['spans'][number]> = {}) => ({
  spanId, parentSpanId, node, attempt: 1, startMs, endMs, status: 'ok' as const, annotations: [], ...extra,
});

const trace: TraceView = {
  traceId: 't1', client: 'users', path: '/orders', startMs: 1000, durationMs: 50, status: 'error', cause: 'timeout',
  spans: [
    span('b', 'a', 'order', 1002, 1050, { edge: 'users->order' }),
    span('a', null, 'users', 1000, 1050),
    span('d', 'b', 'payment', 1020, 1045, { edge: 'order->payment', attempt: 2, status: 'error', cause: 'timeout' }),
    span('c', 'b', 'payment', 1005, 1015, { edge: 'order->payment', status: 'error', cause: 'short-circuited' }),
  ],
};

describe('waterfall', () => {
  it('orders spans depth-first by start, with offsets from the trace start', () => {
    const rows = waterfallRows(trace);
    expect(rows.map((r) => [r.span.spanId, r.depth, r.offsetMs])).toEqual([['a', 0, 0], ['b', 1, 2], ['c', 2, 5], ['d', 2, 20]]);
  });

  it('marks retries, timeouts and short-circuits in words', () => {
    const rows = waterfallRows(trace);
    expect(rows[2].marks).toEqual(['short-circuit']);
    expect(rows[3].marks).toEqual(['retry 1', 'timeout']);
  });

  it('picks the slowest, the failed or the latest', () => {
    const fast = { ...trace, traceId: 't2', durationMs: 5, status: 'ok' as const, startMs: 2000 };
    expect(pickTraces([fast, trace], 'slowest')[0].traceId).toBe('t1');
    expect(pickTraces([fast, trace], 'failed').map((t) => t.traceId)).toEqual(['t1']);
    expect(pickTraces([fast, trace], 'any')[0].traceId).toBe('t2');
  });
});
