import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEngine, resetStore } from '../../../../tests/ui/storeHarness';
import { useStore } from '../../../store';
import { nextRunGen, onWorkerMessage, send, setRunTap } from '../../../store/engineBridge';
import { backToLive, startReplay } from '../../../store/replay/replayController';
import { reset } from '../../../store/runActions';
import type { LiveEvent, ReplayFrame } from '../../../worker/protocol';
import { FramePacker } from '../../../worker/framePack';
import { Timeline } from './Timeline';
import { sideBySide, timelineMarks } from './timelineMarks';

const frame = (tMs: number): ReplayFrame => ({ tMs, clients: {}, nodes: {}, edges: {} });
const empty = { tMs: [], clients: {}, nodes: {}, edges: {} };

/** A paused run of `seconds` seconds with a crash at 12.5 s and a breaker change at 30.2 s, as the worker would tell it. */
async function feed(seconds: number) {
  reset();
  const g = nextRunGen();
  const packer = new FramePacker();
  const frames = Array.from({ length: seconds + 1 }, (_, i) => frame(i * 1000));
  const newEvents = [{ atMs: 12_500, kind: 'crash', message: 'product instance 0 crashed', node: 'product' }, { atMs: 30_200, kind: 'breaker', message: 'breaker on a->b: closed -> open', edge: 'a->b' }];
  act(() => {
    onWorkerMessage({ type: 'snapshot', gen: g, running: false, snapshot: { seq: 1, tMs: seconds * 1000, events: 0, clients: {}, nodes: {}, edges: {}, newEvents } });
    onWorkerMessage({ type: 'series', gen: g, simTimeMs: seconds * 1000, window: empty, traces: null, history: { frames: frames.map((f) => packer.pack(f)), shapes: packer.takeNewShapes(), series: empty } });
  });
  await vi.waitFor(() => expect(useStore.getState().run.simTimeMs).toBe(seconds * 1000));
}

beforeAll(() => startReplay({ send, nextRunGen, setRunTap }));
beforeEach(() => {
  resetStore();
  fakeEngine();
  backToLive();
});

describe('the replay timeline', () => {
  it('is a slider over the run, a second a step, at the live end until moved', async () => {
    await feed(60);
    render(<Timeline />);
    const slider = screen.getByRole('slider', { name: 'Run time' });
    expect(slider.getAttribute('max')).toBe('60');
    expect(slider.getAttribute('aria-valuetext')).toBe('1:00.0 of 1:00.0, live');
    act(() => void fireEvent.change(slider, { target: { value: '42' } }));
    expect(useStore.getState().run.simTimeMs).toBe(42_000);
    expect(screen.getByRole('status').textContent).toContain('Replaying 0:42.0 — Play to continue from here');
    act(() => void fireEvent.change(slider, { target: { value: '60' } }));
    expect(useStore.getState().run.simTimeMs).toBe(60_000);
    expect(screen.getByRole('status').textContent).not.toContain('Replaying');
  });

  it('marks crashes and breaker changes with names that say what and when; a mark moves the timeline there', async () => {
    await feed(60);
    render(<Timeline />);
    const crash = screen.getByRole('button', { name: 'Crash at 0:12.5: product instance 0 crashed' });
    screen.getByRole('button', { name: 'Breaker change at 0:30.2: breaker on a->b: closed -> open' });
    act(() => void crash.click());
    // The first whole second that shows the crash.
    expect(useStore.getState().run.simTimeMs).toBe(13_000);
    act(() => void screen.getByRole('button', { name: 'Back to live' }).click());
    expect(useStore.getState().run.simTimeMs).toBe(60_000);
  });

  it('groups marks of one sort close together, naming how many', () => {
    const crashes = Array.from({ length: 30 }, (_, i) => ({ atMs: 1000 + i, kind: 'crash', message: `c${i}` }));
    const marks = timelineMarks([...crashes, { atMs: 2000, kind: 'ready', message: 'not marked' }], 3_600_000);
    expect(marks).toHaveLength(1);
    expect(marks[0].label).toBe('30 crashes from 0:01.0');
    expect(marks[0].detail.split('\n')).toHaveLength(5);
  });
});

describe('marks at the same moment', () => {
  it('sit side by side: a kill and the crash it causes are both clickable', () => {
    const marks = timelineMarks([
      { atMs: 15_800, kind: 'fault-start', message: 'kill-instance on product' },
      { atMs: 15_800, kind: 'crash', message: 'product instance 0 crashed' },
      { atMs: 40_000, kind: 'crash', message: 'product instance 1 crashed' },
    ] as LiveEvent[], 60_000);
    expect(sideBySide(marks, 60_000)).toEqual([0, 1, 0]);
  });
});
