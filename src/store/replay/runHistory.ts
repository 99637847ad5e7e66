/**
 * The page's record of a run for the replay timeline: a frame of the live view at every whole
 * simulated second (from the worker), every per-second series point, every logged event and
 * when each fault was active. From it {@link RunHistory.at} rebuilds what the page showed at
 * any earlier moment without the engine: binary searches over sorted times, then slices, so a
 * look-up costs O(log n) in the length of the run plus the size of what is shown.
 */
import type { ActiveFault, LiveEvent, ReplayFrame, SeriesWindow, TraceView } from '../../worker/protocol';
import { SERIES_WINDOW_MS } from '../../worker/protocol';
import { ShapeBook, type NewShape, type PackedFrame } from '../../worker/framePack';

/** What the page shows at a moment of the past. */
export interface PastView {
  /** The time of the frame shown: the latest whole second at or before the moment asked for. */
  tMs: number;
  clients: ReplayFrame['clients'];
  nodes: ReplayFrame['nodes'];
  edges: ReplayFrame['edges'];
  series: SeriesWindow;
  events: LiveEvent[];
  faults: ActiveFault[];
  traces: TraceView[];
}

/**
 * Events the event log keeps, as mergeSnapshot's MAX_EVENTS (a test holds them equal; an
 * import would split that module into a chunk of its own on the first load).
 */
export const EVENTS_SHOWN = 500;

type Entities = Record<string, Record<string, number[]>>;
const GROUPS = ['clients', 'nodes', 'edges'] as const;

interface FaultSpan {
  fault: ActiveFault;
  /** When it ended; Infinity while it is active. */
  endMs: number;
}

export class RunHistory {
  private frames: PackedFrame[] = [];
  private readonly shapes = new ShapeBook();
  private frameT: number[] = [];
  private series: SeriesWindow = { tMs: [], clients: {}, nodes: {}, edges: {} };
  private events: LiveEvent[] = [];
  private eventT: number[] = [];
  private faults = new Map<string, FaultSpan>();
  private traces: TraceView[] = [];
  /** The newest simulated time heard of (the live run's clock). */
  headMs = 0;
  /** Steps taken by the binary searches, so tests can hold the look-up to O(log n). */
  probes = 0;

  get frameCount(): number {
    return this.frames.length;
  }

  /** The first frame's time and the last one's (0, 0 when there are none). */
  span(): { fromMs: number; toMs: number } {
    return { fromMs: this.frameT[0] ?? 0, toMs: this.frameT.at(-1) ?? 0 };
  }

  clear(): void {
    this.frames = [];
    this.frameT = [];
    this.shapes.clear();
    this.series = { tMs: [], clients: {}, nodes: {}, edges: {} };
    this.events = [];
    this.eventT = [];
    this.faults.clear();
    this.traces = [];
    this.headMs = 0;
  }

  addFrames(frames: readonly PackedFrame[], shapes: readonly NewShape[]): void {
    this.shapes.add(shapes);
    for (const f of frames) {
      if (this.frameT.length > 0 && f.tMs <= this.frameT[this.frameT.length - 1]) continue;
      this.frames.push(f);
      this.frameT.push(f.tMs);
      if (f.tMs > this.headMs) this.headMs = f.tMs;
    }
  }

  /** Appends the points newer than those kept; a channel first seen late starts with zeros. */
  addSeries(w: SeriesWindow): void {
    const have = this.series.tMs;
    const lastT = have.length > 0 ? have[have.length - 1] : -Infinity;
    let from = 0;
    while (from < w.tMs.length && w.tMs[from] <= lastT) from++;
    if (from >= w.tMs.length) return;
    const before = have.length;
    for (let i = from; i < w.tMs.length; i++) have.push(w.tMs[i]);
    for (const g of GROUPS) {
      const mine: Entities = this.series[g];
      for (const [id, channels] of Object.entries(w[g])) {
        const entity = (mine[id] ??= {});
        for (const [name, values] of Object.entries(channels)) {
          const arr = (entity[name] ??= new Array<number>(before).fill(0));
          while (arr.length < before) arr.push(0);
          for (let i = from; i < values.length; i++) arr.push(values[i]);
        }
      }
    }
  }

  addEvents(events: LiveEvent[]): void {
    for (const e of events) {
      this.events.push(e);
      this.eventT.push(e.atMs);
      if (e.kind === 'fault-end' && e.fault) {
        const span = this.faults.get(e.fault);
        if (span && span.endMs === Infinity) span.endMs = e.atMs;
      }
    }
  }

  /** Every event logged so far (oldest first), for the timeline's marks. */
  allEvents(): readonly LiveEvent[] {
    return this.events;
  }

  /** The faults active at the run's head: new ones start, missing ones have ended by now. */
  setFaults(active: ActiveFault[], nowMs = this.headMs): void {
    const ids = new Set(active.map((f) => f.id));
    for (const span of this.faults.values()) if (span.endMs === Infinity && !ids.has(span.fault.id)) span.endMs = nowMs;
    for (const f of active) {
      const span = this.faults.get(f.id);
      if (!span || span.endMs !== Infinity) this.faults.set(f.id, { fault: f, endMs: Infinity });
    }
  }

  setTraces(traces: TraceView[]): void {
    this.traces = traces;
  }

  /** Forgets everything after tMs: the run forks there. */
  truncateAfter(tMs: number): void {
    const nf = this.countAtOrBefore(this.frameT, tMs);
    this.frames.length = nf;
    this.frameT.length = nf;
    const ne = this.countAtOrBefore(this.eventT, tMs);
    this.events.length = ne;
    this.eventT.length = ne;
    // A point covers the second that starts at its time: keep those over by tMs.
    const np = this.countAtOrBefore(this.series.tMs, tMs - 1000);
    this.series.tMs.length = np;
    for (const g of GROUPS) for (const channels of Object.values(this.series[g])) for (const arr of Object.values(channels)) if (arr.length > np) arr.length = np;
    for (const [id, span] of this.faults) {
      if (span.fault.startedAtMs > tMs) this.faults.delete(id);
      else if (span.endMs > tMs) span.endMs = Infinity;
    }
    this.traces = this.traces.filter((t) => t.startMs <= tMs);
    this.headMs = tMs;
  }

  /** What the page showed at tMs (null before the first frame). */
  at(tMs: number): PastView | null {
    const i = this.countAtOrBefore(this.frameT, tMs) - 1;
    if (i < 0) return null;
    const frame = this.shapes.unpack(this.frames[i]);
    const t = frame.tMs;
    const ne = this.countAtOrBefore(this.eventT, t);
    return {
      tMs: t,
      clients: frame.clients,
      nodes: frame.nodes,
      edges: frame.edges,
      series: this.seriesWindow(t),
      events: this.events.slice(Math.max(0, ne - EVENTS_SHOWN), ne),
      faults: [...this.faults.values()].filter((s) => s.fault.startedAtMs <= t && s.endMs > t).map((s) => s.fault),
      traces: this.traces.filter((tr) => tr.startMs <= t),
    };
  }

  /** The dashboard's window as it was at t: the points of the seconds over by then. */
  private seriesWindow(t: number): SeriesWindow {
    const all = this.series;
    const from = this.countAtOrBefore(all.tMs, t - SERIES_WINDOW_MS - 1);
    const to = this.countAtOrBefore(all.tMs, t - 1000);
    const cut = (group: Entities) => {
      const out: Entities = {};
      for (const [id, channels] of Object.entries(group)) {
        const c: Record<string, number[]> = {};
        for (const [name, arr] of Object.entries(channels)) c[name] = arr.slice(from, to);
        out[id] = c;
      }
      return out;
    };
    return { tMs: all.tMs.slice(from, to), clients: cut(all.clients), nodes: cut(all.nodes), edges: cut(all.edges) };
  }

  /** How many of the sorted times are at or before t (binary search). */
  private countAtOrBefore(times: number[], t: number): number {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      this.probes++;
      const mid = (lo + hi) >>> 1;
      if (times[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
