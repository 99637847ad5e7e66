import { FAILURE_NAMES } from '../runtime/codes';
import type { World } from '../runtime/world';

/** One attempt of one request at one node (or the client's own request, at the root). */
export interface Span {
  spanId: string;
  parentSpanId: string | null;
  /** The node that served it (the callee), or the client for the root. */
  node: string;
  /** The edge it travelled, for calls. */
  edge?: string;
  instance?: number;
  attempt: number;
  /** Caller's view: sent and answered. */
  startMs: number;
  endMs: number | null;
  /** Callee's view: arrived and answered (absent when it never arrived). */
  serverStartMs?: number;
  serverEndMs?: number;
  status: 'ok' | 'error' | 'unset';
  cause?: string;
  annotations: string[];
}

export interface Trace {
  traceId: string;
  client: string;
  path: string;
  startMs: number;
  durationMs: number | null;
  status: 'ok' | 'error' | 'unset';
  cause?: string;
  spans: Span[];
}

const KEEP_SLOWEST = 30;
const KEEP_FAILED = 30;
const KEEP_RECENT = 40;

const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, '0');

/**
 * Head-sampled traces: whether a request is traced is decided at its root from a hash of its
 * sequence number (so tracing draws nothing from the run's generator and does not change the
 * run), and every span below follows, as OpenTelemetry's ParentBased(TraceIdRatioBased).
 * The report keeps a bounded set: the slowest, the latest failed, and the latest.
 */
export class Tracer {
  private readonly spans = new Map<number, { span: Span; trace: Trace }>();
  private readonly spanIds = new Map<Trace, number[]>();
  private nextSpan = 1;
  private roots = 0;
  private readonly threshold: number;
  private slowest: Trace[] = [];
  private failed: Trace[] = [];
  private recent: Trace[] = [];

  constructor(sampleRate: number, private readonly seed: number) {
    this.threshold = Math.floor(Math.min(1, Math.max(0, sampleRate)) * 4294967296);
  }

  startRoot(w: World, j: number): void {
    const k = this.roots++;
    if (mix(k ^ Math.imul(this.seed, 0x9e3779b1)) >= this.threshold) return;
    const jobs = w.jobs;
    const client = w.nodes[jobs.node[j]].id;
    const trace: Trace = {
      traceId: hex(mix(k + 1), 8) + hex(mix(k + 2), 8) + hex(this.seed, 8) + hex(k, 8),
      client,
      path: w.paths[jobs.path[j]],
      startMs: w.now,
      durationMs: null,
      status: 'unset',
      spans: [],
    };
    jobs.span[j] = this.add(trace, { parentSpanId: null, node: client, attempt: 1, startMs: w.now });
  }

  startCall(w: World, c: number, p: number): void {
    const parent = this.spans.get(w.jobs.span[p]);
    if (!parent) return;
    const e = w.edges[w.jobs.edge[c]];
    w.jobs.span[c] = this.add(parent.trace, {
      parentSpanId: parent.span.spanId, node: w.nodes[e.to].id, edge: e.key, attempt: w.jobs.attempt[c], startMs: w.now,
    });
  }

  /** The next attempt of a call, sent after its backoff. */
  retryOf(w: World, n: number, c: number, delayMs: number): void {
    const prev = this.spans.get(w.jobs.span[c]);
    if (!prev) return;
    w.jobs.span[n] = this.add(prev.trace, {
      parentSpanId: prev.span.parentSpanId, node: prev.span.node, edge: prev.span.edge, attempt: w.jobs.attempt[c] + 1,
      startMs: w.now + delayMs, annotations: [`retry after ${Math.round(delayMs)} ms backoff`],
    });
  }

  arrived(w: World, j: number): void {
    const s = this.spans.get(w.jobs.span[j]);
    if (!s) return;
    s.span.serverStartMs = w.now;
  }

  annotate(spanIndex: number, note: string): void {
    this.spans.get(spanIndex)?.span.annotations.push(note);
  }

  endSpan(w: World, j: number, cause: number): void {
    const id = w.jobs.span[j];
    const rec = this.spans.get(id);
    if (!rec) return;
    const { span, trace } = rec;
    if (span.endMs !== null) {
      // The caller already gave up (timeout): the late answer only shows when the callee finished.
      if (span.serverStartMs !== undefined) span.serverEndMs = w.jobs.doneAt[j];
      return;
    }
    span.endMs = w.now;
    span.status = cause === 0 ? 'ok' : 'error';
    if (cause !== 0) span.cause = FAILURE_NAMES[cause];
    if (span.serverStartMs !== undefined) span.serverEndMs = w.jobs.doneAt[j];
    const inst = w.jobs.inst[j];
    if (inst >= 0 && span.parentSpanId !== null) span.instance = inst;
    if (span.parentSpanId === null) this.finish(trace, span);
  }

  /** The kept traces, oldest first. */
  traces(): Trace[] {
    const all = new Set([...this.slowest, ...this.failed, ...this.recent]);
    return [...all].sort((a, b) => a.startMs - b.startMs || (a.traceId < b.traceId ? -1 : 1));
  }

  private add(trace: Trace, s: Partial<Span> & Pick<Span, 'parentSpanId' | 'node' | 'attempt' | 'startMs'>): number {
    const id = this.nextSpan++;
    const span: Span = { spanId: hex(id, 16), endMs: null, status: 'unset', annotations: [], ...s };
    trace.spans.push(span);
    this.spans.set(id, { span, trace });
    const ids = this.spanIds.get(trace);
    if (ids) ids.push(id);
    else this.spanIds.set(trace, [id]);
    return id;
  }

  private finish(trace: Trace, root: Span): void {
    trace.durationMs = root.endMs! - trace.startMs;
    trace.status = root.status;
    if (root.cause) trace.cause = root.cause;
    // Every finished trace is kept at least among the latest; spans of kept traces may still
    // be updated by attempts running downstream (abandoned work finishing late).
    this.keep(trace);
  }

  private keep(t: Trace): void {
    const slow = this.slowest;
    if (slow.length < KEEP_SLOWEST || t.durationMs! > slow[slow.length - 1].durationMs!) {
      slow.push(t);
      slow.sort((a, b) => b.durationMs! - a.durationMs!);
      if (slow.length > KEEP_SLOWEST) this.drop(slow.pop()!);
    }
    if (t.status === 'error') {
      this.failed.push(t);
      if (this.failed.length > KEEP_FAILED) this.drop(this.failed.shift()!);
    }
    this.recent.push(t);
    if (this.recent.length > KEEP_RECENT) this.drop(this.recent.shift()!);
  }

  private drop(t: Trace): void {
    if (this.slowest.includes(t) || this.failed.includes(t) || this.recent.includes(t)) return;
    for (const id of this.spanIds.get(t) ?? []) this.spans.delete(id);
    this.spanIds.delete(t);
  }
}

/** A 32-bit integer hash (murmur3's finaliser). */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
