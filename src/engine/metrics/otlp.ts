import type { Span, Trace } from './tracer';

/**
 * Sampled traces as OTLP/JSON (the OpenTelemetry protocol's JSON encoding), so that a run's
 * traces open in Jaeger or Grafana Tempo. Simulated time 0 is placed at a fixed instant so
 * the same run always writes the same file.
 */
const EPOCH_NS = 1_767_225_600_000_000_000n; // 2026-01-01T00:00:00Z
const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;
const STATUS_OK = 1;
const STATUS_ERROR = 2;

const ns = (ms: number) => (EPOCH_NS + BigInt(Math.round(ms * 1e6))).toString();
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });

export function toOtlp(traces: readonly Trace[]): object {
  const byService = new Map<string, object[]>();
  for (const t of traces) {
    for (const s of t.spans) {
      const list = byService.get(s.node) ?? [];
      list.push(otlpSpan(t, s));
      byService.set(s.node, list);
    }
  }
  return {
    resourceSpans: [...byService].map(([service, spans]) => ({
      resource: { attributes: [str('service.name', service)] },
      scopeSpans: [{ scope: { name: 'microcosm' }, spans }],
    })),
  };
}

function otlpSpan(t: Trace, s: Span): object {
  const attributes = [int('microcosm.attempt', s.attempt), str('url.path', t.path)];
  if (s.edge) attributes.push(str('microcosm.edge', s.edge));
  if (s.instance !== undefined) attributes.push(int('microcosm.instance', s.instance));
  if (s.cause) attributes.push(str('microcosm.failure', s.cause));
  const end = s.endMs ?? s.serverEndMs ?? s.startMs;
  return {
    traceId: t.traceId,
    spanId: s.spanId,
    ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
    name: s.edge ? `call ${s.edge}` : `request ${t.path}`,
    kind: s.parentSpanId === null ? SPAN_KIND_CLIENT : SPAN_KIND_SERVER,
    startTimeUnixNano: ns(s.startMs),
    endTimeUnixNano: ns(end),
    attributes,
    events: s.annotations.map((a) => ({ timeUnixNano: ns(end), name: a })),
    status: s.status === 'error' ? { code: STATUS_ERROR, message: s.cause ?? 'error' } : s.status === 'ok' ? { code: STATUS_OK } : {},
  };
}
