import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLoopHost } from '../../../tests/helpers/fakeLoopHost';
import { resetStore } from '../../../tests/ui/storeHarness';
import type { ToWorker } from '../../worker/protocol';
import { createRunLoop } from '../../worker/runLoop';
import { attachEngine, nextRunGen, onWorkerMessage, seekRun, send, setRunTap } from '../engineBridge';
import { useStore } from '../index';
import { play, reset, startFault } from '../runActions';
import { backToLive, runHistory, startReplay, useReplay } from './replayController';

/** The real run loop in this thread, behind the page's engine client; it records what it was sent. */
function engineInProcess() {
  const f = fakeLoopHost();
  const loop = createRunLoop({ ...f.host, post: (m) => onWorkerMessage(m) });
  const sent: ToWorker[] = [];
  attachEngine({ send: (m) => { sent.push(m); loop.handle(m); }, terminate: () => {} });
  return { sent, loop, f };
}

const run = () => useStore.getState().run;
const settle = () => vi.waitFor(() => expect(useReplay.getState().headMs).toBe(run().simTimeMs));

beforeAll(() => startReplay({ send, nextRunGen, setRunTap }));
beforeEach(() => resetStore());
afterEach(() => backToLive());

describe('replay on the page', () => {
  it('shows an earlier second from the history, live messages meanwhile kept aside, then the live run again', async () => {
    const { sent } = engineInProcess();
    reset();
    sent.length = 0;
    startFault({ kind: 'kill-instance', target: 'product', durationMs: 5000 });
    send({ type: 'step', ms: 20_000 });
    await settle();
    expect(run().simTimeMs).toBe(20_000);
    const liveNodes = run().nodes;

    seekRun(3000);
    expect(useReplay.getState().viewingMs).toBe(3000);
    expect(run().simTimeMs).toBe(3000);
    expect(run().nodes.product.readyReplicas).toBe(2);
    expect(liveNodes.product.readyReplicas).toBe(3);
    expect(run().faults.map((f) => f.fault.target)).toEqual(['product']);
    expect(run().events.every((e) => e.atMs <= 3000)).toBe(true);
    expect(document.documentElement.dataset.replay).toBe('on');
    expect(sent.filter((m) => m.type === 'rewind')).toEqual([]);

    // A message from the live run (a paused picture) does not replace the past on show.
    send({ type: 'pause' });
    await new Promise((r) => setTimeout(r, 40));
    expect(run().simTimeMs).toBe(3000);

    backToLive();
    expect(run().simTimeMs).toBe(20_000);
    expect(run().nodes).toBe(liveNodes);
    expect(document.documentElement.dataset.replay).toBeUndefined();
  });

  it('plays on from the past: the worker rewinds there first, and the run forks', async () => {
    const { sent } = engineInProcess();
    reset();
    send({ type: 'step', ms: 30_000 });
    await settle();
    seekRun(12_400);
    expect(run().simTimeMs).toBe(12_000);
    sent.length = 0;
    play();
    expect(sent.map((m) => m.type)).toEqual(['rewind', 'play']);
    expect(sent[0]).toMatchObject({ tMs: 12_000 });
    expect(useReplay.getState()).toMatchObject({ viewingMs: null, headMs: 12_000 });
    expect(runHistory.span().toMs).toBe(12_000);
    send({ type: 'pause' });
    send({ type: 'step', ms: 3000 });
    await vi.waitFor(() => expect(run().simTimeMs).toBe(15_000));
    expect(runHistory.span().toMs).toBe(15_000);
  });

  it('at the run\'s end: the past hides the summary, the live run brings it back, and Play from the past stops at the end again', async () => {
    const { f } = engineInProcess();
    useStore.setState((s) => {
      s.scenario.durationMs = 20_000;
    });
    reset();
    send({ type: 'setSpeed', speed: 'max' });
    play();
    f.runWall(2000);
    await vi.waitFor(() => expect(run().summary?.atMs).toBe(20_000));
    const summary = run().summary;
    seekRun(6000);
    expect(run().summary).toBeNull();
    expect(run().status).toBe('paused');
    backToLive();
    expect(run().summary).toBe(summary);
    expect(run().status).toBe('done');
    seekRun(6000);
    play();
    f.runWall(2000);
    await vi.waitFor(() => expect(run().summary?.atMs).toBe(20_000));
    expect(runHistory.span()).toEqual({ fromMs: 0, toMs: 20_000 });
  });

  it('forgets the history on Reset, also while the past is on show', async () => {
    engineInProcess();
    reset();
    send({ type: 'step', ms: 10_000 });
    await settle();
    seekRun(4000);
    reset();
    expect(useReplay.getState().viewingMs).toBeNull();
    await vi.waitFor(() => expect(runHistory.span()).toEqual({ fromMs: 0, toMs: 0 }));
    expect(run().simTimeMs).toBe(0);
  });
});
