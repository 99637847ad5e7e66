import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../engine/metrics/snapshot';
import { keepUnchanged, mergeSnapshot, MAX_EVENTS } from './mergeSnapshot';
import { initialRun } from './runSlice';

const node = (busy: number) => ({
  arrivalsPerS: 10, p99Ms: 0, throughputPerS: 10, errorRate: 0, ownErrorRate: 0, utilization: 0.5, queueLength: 0, replicas: 1, readyReplicas: 1, workers: 2,
  instances: [{ state: 'ready' as const, busy, queued: 0, workers: 2 }],
});
const snap = (seq: number, a: number, b: number): Snapshot => ({
  seq, tMs: seq * 100, events: 0, clients: {}, nodes: { a: node(a), b: node(b) }, edges: {}, newEvents: [],
});

describe('mergeSnapshot', () => {
  it('keeps the previous object for nodes whose numbers did not change', () => {
    const r1 = mergeSnapshot(initialRun(), snap(1, 1, 1), true, []);
    const r2 = mergeSnapshot(r1, snap(2, 1, 2), true, []);
    expect(r2.nodes.a).toBe(r1.nodes.a);
    expect(r2.nodes.b).not.toBe(r1.nodes.b);
    expect(r2.nodes.b.instances[0].busy).toBe(2);
    expect(r2.seq).toBe(2);
    expect(r2.status).toBe('running');
  });

  it('takes the new object when a list of numbers in it changed (the old check took any two numbers for equal)', () => {
    const prev = { a: { x: 1, spark: [1, 2, 3] } };
    const next = { a: { x: 1, spark: [1, 2, 4] } };
    const out = keepUnchanged(prev, next);
    expect(out).not.toBe(prev);
    expect(out.a.spark).toEqual([1, 2, 4]);
    expect(keepUnchanged(prev, { a: { x: 1, spark: [1, 2, 3] } })).toBe(prev);
  });

  it("takes the new node when a value its kind reports changed, and keeps it when none did", () => {
    const withExtra = (lost: number) => ({ ...node(1), extra: { depth: 3, lost } });
    const prev = { q: withExtra(0) };
    expect(keepUnchanged(prev, { q: withExtra(0) })).toBe(prev);
    expect(keepUnchanged(prev, { q: withExtra(5) }).q.extra.lost).toBe(5);
  });

  it('keeps the whole record when nothing changed', () => {
    const prev = { a: { x: 1, list: [{ y: 2 }] } };
    expect(keepUnchanged(prev, { a: { x: 1, list: [{ y: 2 }] } })).toBe(prev);
    expect(keepUnchanged(prev, { a: { x: 1, list: [{ y: 3 }] } })).not.toBe(prev);
  });

  it('appends events and caps the log', () => {
    const many = Array.from({ length: MAX_EVENTS + 20 }, (_, i) => ({ atMs: i, kind: 'crash', message: `m${i}` }));
    const r = mergeSnapshot(initialRun(), snap(1, 0, 0), false, many);
    expect(r.events.length).toBe(MAX_EVENTS);
    expect(r.events.at(-1)?.message).toBe(`m${MAX_EVENTS + 19}`);
    expect(r.status).toBe('paused');
  });
});
