import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEngine, resetStore } from '../../tests/ui/storeHarness';
import type { Snapshot } from '../engine/metrics/snapshot';
import type { Report } from '../engine/metrics/report';
import { nextRunGen, onWorkerMessage, requestReport } from './engineBridge';
import { useStore } from './index';

const snap = (seq: number, tMs: number, newEvents: Snapshot['newEvents'] = []): Snapshot => ({ seq, tMs, events: 0, clients: {}, nodes: {}, edges: {}, newEvents });
const event = (message: string) => ({ atMs: 0, kind: 'crash', message });

beforeEach(() => resetStore());

describe('engine bridge', () => {
  it('draws only the newest of several queued snapshots, keeping all their events', async () => {
    const gen = nextRunGen();
    onWorkerMessage({ type: 'snapshot', gen, running: true, snapshot: snap(1, 100, [event('a')]) });
    onWorkerMessage({ type: 'snapshot', gen, running: true, snapshot: snap(2, 200, [event('b')]) });
    await vi.waitFor(() => expect(useStore.getState().run.seq).toBe(2));
    expect(useStore.getState().run.simTimeMs).toBe(200);
    expect(useStore.getState().run.events.map((e) => e.message)).toEqual(['a', 'b']);
  });

  it('drops messages about a run that has been replaced', async () => {
    const old = nextRunGen();
    const gen = nextRunGen();
    onWorkerMessage({ type: 'faults', gen: old, active: [{ id: 'x', fault: { kind: 'kill-service', target: 'a' }, startedAtMs: 0, byChaos: false }] });
    onWorkerMessage({ type: 'snapshot', gen: old, running: true, snapshot: snap(9, 900) });
    onWorkerMessage({ type: 'snapshot', gen, running: false, snapshot: snap(1, 50) });
    await vi.waitFor(() => expect(useStore.getState().run.seq).toBe(1));
    expect(useStore.getState().run.faults).toEqual([]);
    expect(useStore.getState().run.simTimeMs).toBe(50);
  });

  it('turns an engine error into a notice', () => {
    onWorkerMessage({ type: 'error', message: 'no node "nope"' });
    expect(useStore.getState().ui.notice).toMatchObject({ tone: 'error', lines: ['no node "nope"'] });
  });

  it('asks the worker for the report and hands each answer to its own request', async () => {
    const sent = fakeEngine();
    const first = requestReport();
    const second = requestReport();
    const ids = sent.flatMap((m) => (m.type === 'report' ? [m.id] : []));
    expect(ids).toHaveLength(2);
    const report = (name: string) => ({ name }) as unknown as Report;
    onWorkerMessage({ type: 'report', id: ids[1], report: report('second') });
    onWorkerMessage({ type: 'report', id: ids[0], report: report('first') });
    expect(await first).toEqual({ name: 'first' });
    expect(await second).toEqual({ name: 'second' });
  });
});
