import { EV_KIND, OK } from '../runtime/codes';
import type { NodeRt } from '../runtime/nodeRuntime';
import { IntRing } from '../runtime/ring';
import type { World } from '../runtime/world';
import { M_IN_FLIGHT, M_VISIBLE, MessageStore } from './messageStore';

/** How a channel hands out messages (a queue's settings, or a topic subscription's). */
export interface ChannelSettings {
  /** SQS-style visibility timeout and delete on ack; false = Redis LPUSH/BRPOP (gone once taken). */
  atLeastOnce: boolean;
  visibilityTimeoutMs: number;
  /**
   * SQS FIFO: an expired receipt handle deletes nothing. A standard queue deletes with the
   * latest receipt handle even after its visibility timeout, while no one has received the
   * message again.
   */
  fifo: boolean;
  /** Receives after which a message is dead-lettered instead of delivered; 0 = no limit. */
  maxReceiveCount: number;
  /** Messages held at most; Infinity = unbounded. */
  capacity: number;
}

/**
 * A backlog of messages: what a queue holds, or one subscription of a topic.
 *
 * Messages live in a {@link MessageStore}, which keeps them in arrival order. Two more
 * structures index them:
 * - `visible`, a FIFO ring of messages a consumer may take (SQS standard queues give only
 *   best-effort order; a message whose visibility expires goes to the back);
 * - `timers`, the deliveries waiting out their visibility timeout. The timeout is the same
 *   for every delivery of a channel, so deadlines are in delivery order: a FIFO and one
 *   pending EV_KIND timer per channel suffice. Acked deliveries stay in the FIFO and are
 *   skipped when reached (their receipt no longer matches).
 *
 * A delivery carries a *receipt* (SQS's receipt handle): a number unique within the channel.
 * Only the latest delivery's receipt deletes a message. An ack that comes after the visibility
 * timeout expired still deletes it on a standard queue if nobody has received it again (SQS
 * accepts the most recent receipt handle); on a FIFO queue, or once the message has been
 * received again, it is too late (the message is, or will be, processed again: counted in
 * `duplicates`).
 */
export class Channel {
  private readonly msgs = new MessageStore(64);
  private receiptSeq = 0;

  private readonly visible = new IntRing();
  private readonly timerMsg = new IntRing();
  private readonly timerReceipt = new IntRing();
  private timerPending = false;

  /** Messages taken and not yet acked, lost or made visible again. */
  inFlight = 0;
  /** Where messages received maxReceiveCount times go (at-least-once), or null to drop them. */
  deadLetter: Channel | null = null;
  /** Set by the owner: offers this channel's visible messages to its consumers (after a redrive into it). */
  offer: ((w: World) => void) | null = null;

  // Counters since the start or the end of warm-up.
  published = 0;
  rejected = 0;
  delivered = 0;
  redelivered = 0;
  acked = 0;
  lost = 0;
  deadLettered = 0;
  duplicates = 0;
  failedDeliveries = 0;
  maxDepth = 0;
  private waitSum = 0;
  private waitCount = 0;
  private residenceSum = 0;
  private residenceCount = 0;
  private lastT = 0;
  private depthArea = 0;
  private visibleArea = 0;
  private baseT = 0;
  private baseDepthArea = 0;
  private baseVisibleArea = 0;

  /**
   * @param node the queue or topic this channel belongs to: its `queued` (visible) and `busy`
   *   (in flight) follow the channel, so the node's generic report and series show the backlog.
   * @param index the channel's number within its node, the payload of its EV_KIND timer.
   */
  constructor(
    readonly node: NodeRt,
    readonly index: number,
    readonly settings: ChannelSettings,
  ) {}

  get visibleCount(): number {
    return this.visible.length;
  }

  get depth(): number {
    return this.visible.length + this.inFlight;
  }

  /** Age of the oldest message still held (visible or in flight), 0 when empty. */
  oldestAgeMs(now: number): number {
    return this.msgs.oldest < 0 ? 0 : now - this.msgs.publishedAt[this.msgs.oldest];
  }

  /**
   * Adds a message; false when the channel is full. At-most-once, a taken message has left
   * the list (Redis LLEN), so only visible ones count against the capacity; at-least-once,
   * invisible ones are still the queue's.
   */
  publish(now: number, client: number, path: number): boolean {
    const held = this.settings.atLeastOnce ? this.depth : this.visible.length;
    if (held >= this.settings.capacity) {
      this.rejected++;
      return false;
    }
    this.touch(now);
    const m = this.msgs.add(now, client, path);
    this.visible.push(m);
    this.published++;
    const n = this.node;
    n.touch(now);
    n.queued++;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    return true;
  }

  /**
   * Takes the next visible message for delivery and returns it (then `receiptOf`, `clientOf`
   * and `pathOf` describe the delivery), or -1 when none is visible. At-least-once, a message
   * already received maxReceiveCount times is dead-lettered on the way.
   */
  take(w: World): number {
    const s = this.settings;
    const now = w.now;
    const n = this.node;
    while (this.visible.length > 0) {
      this.touch(now);
      n.touch(now);
      const m = this.visible.shift();
      n.queued--;
      if (s.atLeastOnce && s.maxReceiveCount > 0 && this.msgs.receiveCount[m] >= s.maxReceiveCount) {
        this.moveToDeadLetter(w, m);
        continue;
      }
      const rc = ++this.msgs.receiveCount[m];
      this.delivered++;
      if (rc > 1) this.redelivered++;
      else {
        this.waitSum += now - this.msgs.publishedAt[m];
        this.waitCount++;
      }
      this.msgs.state[m] = M_IN_FLIGHT;
      this.msgs.receipts[m] = this.receiptSeq = (this.receiptSeq + 1) | 0;
      this.inFlight++;
      n.busy++;
      if (s.atLeastOnce) {
        const t = now + s.visibilityTimeoutMs;
        this.msgs.visibleAt[m] = t;
        this.timerMsg.push(m);
        this.timerReceipt.push(this.msgs.receipts[m]);
        if (!this.timerPending) {
          this.timerPending = true;
          w.q.push(t, EV_KIND, n.index, this.index);
        }
      }
      return m;
    }
    return -1;
  }

  receiptOf(m: number): number {
    return this.msgs.receipts[m];
  }

  clientOf(m: number): number {
    return this.msgs.client[m];
  }

  pathOf(m: number): number {
    return this.msgs.path[m];
  }

  /**
   * The consumer answered delivery `receipt` of message `m`. Success deletes the message if
   * the receipt is still the live one. Failure: at-most-once, the message is gone (lost);
   * at-least-once, it stays invisible until its visibility timeout (SQS has no negative ack
   * by default) and then comes back.
   */
  result(now: number, m: number, receipt: number, ok: boolean): void {
    const live = this.msgs.state[m] === M_IN_FLIGHT && this.msgs.receipts[m] === receipt;
    const n = this.node;
    if (ok) {
      if (!live) {
        if (this.settings.atLeastOnce && !this.settings.fifo && this.msgs.state[m] === M_VISIBLE && this.msgs.receipts[m] === receipt) this.lateDelete(now, m);
        else this.duplicates++;
        return;
      }
      this.acked++;
      n.countAnswer(now, this.msgs.publishedAt[m], OK);
      this.remove(now, m);
      return;
    }
    if (!live) return;
    this.failedDeliveries++;
    if (this.settings.atLeastOnce) return;
    this.lost++;
    n.failed++;
    n.liveFailed++;
    this.remove(now, m);
  }

  /** A standard queue's late acknowledgement: the message, visible again, is deleted from the backlog. */
  private lateDelete(now: number, m: number): void {
    this.touch(now);
    this.node.touch(now);
    this.visible.remove(m);
    this.node.queued--;
    // remove() books a message leaving flight; count this one as in flight for the moment.
    this.inFlight++;
    this.node.busy++;
    this.acked++;
    this.node.countAnswer(now, this.msgs.publishedAt[m], OK);
    this.remove(now, m);
  }

  /**
   * The channel's timer: deliveries whose visibility timeout has expired make their messages
   * visible again. Returns true when some did (the owner then offers them to consumers).
   */
  onTimer(w: World): boolean {
    this.timerPending = false;
    const now = w.now;
    const n = this.node;
    let any = false;
    const tm = this.timerMsg, tr = this.timerReceipt;
    while (tm.length > 0) {
      const m = tm.buf[tm.head];
      const r = tr.buf[tr.head];
      if (this.msgs.state[m] !== M_IN_FLIGHT || this.msgs.receipts[m] !== r) {
        tm.shift();
        tr.shift();
        continue;
      }
      if (this.msgs.visibleAt[m] > now) {
        this.timerPending = true;
        w.q.push(this.msgs.visibleAt[m], EV_KIND, n.index, this.index);
        break;
      }
      tm.shift();
      tr.shift();
      this.touch(now);
      n.touch(now);
      this.msgs.state[m] = M_VISIBLE;
      this.inFlight--;
      n.busy--;
      n.queued++;
      this.visible.push(m);
      any = true;
    }
    return any;
  }

  /**
   * Moves a message that was just taken from the ring to the dead-letter queue (where it is a
   * new message that keeps its client and path), or drops it when there is none or it is full.
   */
  private moveToDeadLetter(w: World, m: number): void {
    const dlq = this.deadLetter;
    const n = this.node;
    // The message is in neither the ring nor in flight while it moves: count it as in flight
    // for the moment so that remove() finds the books as it expects.
    this.inFlight++;
    n.busy++;
    if (dlq !== null && dlq.publish(w.now, this.msgs.client[m], this.msgs.path[m])) {
      this.deadLettered++;
      dlq.node.arrivals++;
      dlq.node.liveArrivals++;
      dlq.offer?.(w);
    } else {
      this.lost++;
      n.failed++;
      n.liveFailed++;
    }
    this.remove(w.now, m);
  }

  private remove(now: number, m: number): void {
    this.touch(now);
    const n = this.node;
    n.touch(now);
    this.inFlight--;
    n.busy--;
    this.residenceSum += now - this.msgs.publishedAt[m];
    this.residenceCount++;
    this.msgs.delete(m);
  }

  private touch(now: number): void {
    const dt = now - this.lastT;
    if (dt > 0) {
      this.depthArea += (this.visible.length + this.inFlight) * dt;
      this.visibleArea += this.visible.length * dt;
      this.lastT = now;
    }
  }

  resetStats(now: number): void {
    this.touch(now);
    this.published = this.rejected = this.delivered = this.redelivered = this.acked = this.lost = 0;
    this.deadLettered = this.duplicates = this.failedDeliveries = 0;
    this.waitSum = this.waitCount = this.residenceSum = this.residenceCount = 0;
    this.maxDepth = this.depth;
    this.baseT = now;
    this.baseDepthArea = this.depthArea;
    this.baseVisibleArea = this.visibleArea;
  }

  /** The channel's part of the report (the Report item of this folder's README.md gives the field meanings). */
  stats(now: number): ChannelStats {
    this.touch(now);
    const span = now - this.baseT;
    return {
      published: this.published,
      delivered: this.delivered,
      acked: this.acked,
      lost: this.lost,
      redelivered: this.redelivered,
      deadLettered: this.deadLettered,
      rejected: this.rejected,
      duplicates: this.duplicates,
      failedDeliveries: this.failedDeliveries,
      depth: this.depth,
      visible: this.visible.length,
      inFlight: this.inFlight,
      maxDepth: this.maxDepth,
      oldestAgeMs: this.oldestAgeMs(now),
      meanDepth: span > 0 ? (this.depthArea - this.baseDepthArea) / span : 0,
      meanVisible: span > 0 ? (this.visibleArea - this.baseVisibleArea) / span : 0,
      meanWaitMs: this.waitCount > 0 ? this.waitSum / this.waitCount : 0,
      meanTimeInQueueMs: this.residenceCount > 0 ? this.residenceSum / this.residenceCount : 0,
    };
  }

}

/** What one channel reports (a queue's fields, or one topic subscription's). */
export interface ChannelStats {
  published: number;
  delivered: number;
  acked: number;
  lost: number;
  redelivered: number;
  deadLettered: number;
  rejected: number;
  duplicates: number;
  failedDeliveries: number;
  depth: number;
  visible: number;
  inFlight: number;
  maxDepth: number;
  oldestAgeMs: number;
  meanDepth: number;
  meanVisible: number;
  meanWaitMs: number;
  meanTimeInQueueMs: number;
}
