import { describe, expect, it } from 'vitest';
import { EventQueue } from '../core/eventQueue';
import { EV_KIND } from '../runtime/codes';
import { NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';
import { Channel, type ChannelSettings } from './channel';

/** A stand-in world: the channel needs only the clock and the agenda. */
function world() {
  return { now: 0, q: new EventQueue(16) } as unknown as World & { now: number };
}

const ALO: ChannelSettings = { atLeastOnce: true, visibilityTimeoutMs: 100, fifo: false, maxReceiveCount: 0, capacity: Infinity };
const AMO: ChannelSettings = { ...ALO, atLeastOnce: false };

function channel(settings: ChannelSettings) {
  const node = new NodeRt(3, 'q', 'queue');
  return { node, ch: new Channel(node, 0, settings) };
}

/** Pops the next timer event, moves the clock there and lets the channel handle it. */
function fireTimer(w: World & { now: number }, ch: Channel): boolean {
  const q = w.q;
  q.pop();
  expect(q.type).toBe(EV_KIND);
  expect(q.a).toBe(3);
  w.now = q.time;
  return ch.onTimer(w);
}

describe('Channel', () => {
  it('hands out messages first in, first out, and deletes on ack', () => {
    const w = world();
    const { node, ch } = channel(ALO);
    for (let i = 0; i < 3; i++) ch.publish(i, 7, i);
    expect(ch.depth).toBe(3);
    expect(node.queued).toBe(3);
    w.now = 10;
    const a = ch.take(w), b = ch.take(w);
    expect([ch.pathOf(a), ch.pathOf(b)]).toEqual([0, 1]);
    expect(ch.clientOf(a)).toBe(7);
    expect(ch.inFlight).toBe(2);
    expect(node.busy).toBe(2);
    expect(node.queued).toBe(1);
    ch.result(20, a, ch.receiptOf(a), true);
    expect(ch.acked).toBe(1);
    expect(ch.depth).toBe(2);
    expect(node.completed).toBe(1);
    // The oldest message left is the second one, published at 1.
    expect(ch.oldestAgeMs(20)).toBe(19);
  });

  it('at-least-once: an unacked message becomes visible again after the timeout, with a new receipt', () => {
    const w = world();
    const { ch } = channel(ALO);
    ch.publish(0, 0, 0);
    const m = ch.take(w);
    const first = ch.receiptOf(m);
    ch.result(5, m, first, false);
    expect(ch.failedDeliveries).toBe(1);
    expect(ch.visibleCount).toBe(0);
    expect(fireTimer(w, ch)).toBe(true);
    expect(w.now).toBe(100);
    expect(ch.visibleCount).toBe(1);
    const again = ch.take(w);
    expect(again).toBe(m);
    expect(ch.redelivered).toBe(1);
    expect(ch.receiptOf(m)).not.toBe(first);
    // The first delivery's late success does not delete it (its receipt is stale): a duplicate.
    ch.result(150, m, first, true);
    expect(ch.duplicates).toBe(1);
    expect(ch.depth).toBe(1);
    ch.result(160, m, ch.receiptOf(m), true);
    expect(ch.acked).toBe(1);
    expect(ch.depth).toBe(0);
  });

  it('standard queue: a late ack still deletes a message nobody has received again (latest receipt handle)', () => {
    const w = world();
    const { node, ch } = channel(ALO);
    ch.publish(0, 0, 0);
    ch.publish(0, 0, 1);
    const m = ch.take(w);
    expect(fireTimer(w, ch)).toBe(true);
    expect(ch.visibleCount).toBe(2);
    ch.result(150, m, ch.receiptOf(m), true);
    expect(ch.acked).toBe(1);
    expect(ch.duplicates).toBe(0);
    expect(ch.depth).toBe(1);
    expect(ch.visibleCount).toBe(1);
    expect(node.queued).toBe(1);
    // The other message is still there, and it is the next one handed out.
    expect(ch.pathOf(ch.take(w))).toBe(1);
  });

  it('FIFO queue: a late ack is refused, and the message is delivered again', () => {
    const w = world();
    const { ch } = channel({ ...ALO, fifo: true });
    ch.publish(0, 0, 0);
    const m = ch.take(w);
    expect(fireTimer(w, ch)).toBe(true);
    ch.result(150, m, ch.receiptOf(m), true);
    expect(ch.acked).toBe(0);
    expect(ch.duplicates).toBe(1);
    expect(ch.depth).toBe(1);
    expect(ch.take(w)).toBe(m);
    expect(ch.redelivered).toBe(1);
  });

  it('at-least-once: an acked delivery leaves a stale timer entry that is skipped', () => {
    const w = world();
    const { ch } = channel(ALO);
    ch.publish(0, 0, 0);
    ch.publish(0, 0, 1);
    const a = ch.take(w);
    w.now = 50;
    const b = ch.take(w);
    ch.result(60, a, ch.receiptOf(a), true);
    // One timer is pending (for a at 100); it finds a acked and re-arms for b at 150.
    expect(fireTimer(w, ch)).toBe(false);
    expect(w.q.size).toBe(1);
    expect(fireTimer(w, ch)).toBe(true);
    expect(w.now).toBe(150);
    expect(ch.take(w)).toBe(b);
  });

  it('at-most-once: a taken message is gone; a failed delivery loses it', () => {
    const w = world();
    const { ch } = channel(AMO);
    ch.publish(0, 0, 0);
    ch.publish(0, 0, 1);
    const a = ch.take(w), b = ch.take(w);
    expect(w.q.size).toBe(0);
    ch.result(5, a, ch.receiptOf(a), false);
    ch.result(5, b, ch.receiptOf(b), true);
    expect(ch.lost).toBe(1);
    expect(ch.acked).toBe(1);
    expect(ch.depth).toBe(0);
    expect(ch.redelivered).toBe(0);
  });

  it('dead-letters a message instead of its receive number maxReceiveCount + 1', () => {
    const w = world();
    const { ch } = channel({ ...ALO, maxReceiveCount: 2 });
    const dlq = channel(ALO).ch;
    ch.deadLetter = dlq;
    ch.publish(0, 4, 9);
    for (let k = 0; k < 2; k++) {
      const m = ch.take(w);
      expect(m).toBeGreaterThanOrEqual(0);
      ch.result(w.now, m, ch.receiptOf(m), false);
      fireTimer(w, ch);
    }
    expect(ch.take(w)).toBe(-1);
    expect(ch.deadLettered).toBe(1);
    expect(ch.delivered).toBe(2);
    expect(ch.depth).toBe(0);
    expect(dlq.depth).toBe(1);
    const d = dlq.take(w);
    expect([dlq.clientOf(d), dlq.pathOf(d)]).toEqual([4, 9]);
  });

  it('refuses a publish beyond its capacity', () => {
    const { ch } = channel({ ...ALO, capacity: 2 });
    expect(ch.publish(0, 0, 0)).toBe(true);
    expect(ch.publish(0, 0, 0)).toBe(true);
    expect(ch.publish(0, 0, 0)).toBe(false);
    expect(ch.rejected).toBe(1);
    expect(ch.published).toBe(2);
  });

  it('reuses message slots and keeps the arrival order across growth', () => {
    const w = world();
    const { ch } = channel(AMO);
    let expected = 0;
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 100; i++) ch.publish(w.now, 0, round * 100 + i);
      for (let i = 0; i < 100; i++) {
        const m = ch.take(w);
        expect(ch.pathOf(m)).toBe(expected++);
        ch.result(w.now, m, ch.receiptOf(m), true);
      }
    }
    expect(ch.acked).toBe(500);
    expect(ch.depth).toBe(0);
    expect(ch.oldestAgeMs(10)).toBe(0);
  });

  it('integrates depth over time for the mean depth', () => {
    const w = world();
    const { ch } = channel(AMO);
    ch.publish(0, 0, 0);
    ch.publish(0, 0, 0);
    w.now = 100;
    const m = ch.take(w);
    ch.result(200, m, ch.receiptOf(m), true);
    // 2 for 200 ms, then 1 for 200 ms.
    const s = ch.stats(400);
    expect(s.meanDepth).toBeCloseTo(1.5, 9);
    expect(s.meanVisible).toBeCloseTo((2 * 100 + 1 * 300) / 400, 9);
    expect(s.meanWaitMs).toBe(100);
    expect(s.meanTimeInQueueMs).toBe(200);
  });
});
