import { respond } from '../calls/pipeline';
import type { NodeBehaviour } from '../kinds/behaviour';
import { round4 } from '../metrics/series';
import { FAIL_REJECTED, OK } from '../runtime/codes';
import type { NodeRt } from '../runtime/nodeRuntime';
import { reject } from '../runtime/stations';
import type { World } from '../runtime/world';
import { Channel, type ChannelSettings, type ChannelStats } from './channel';
import { Feed, portOf } from './port';

/** The delivery fields of a queue or topic node, as the schema gives them. */
export interface DeliveryFields {
  delivery: 'at-most-once' | 'at-least-once';
  visibilityTimeoutMs: number;
  maxReceiveCount?: number;
  fifo?: boolean;
  deadLetter?: string;
  capacity?: number;
}

export function channelSettings(f: DeliveryFields): ChannelSettings {
  return {
    atLeastOnce: f.delivery === 'at-least-once',
    visibilityTimeoutMs: f.visibilityTimeoutMs,
    fifo: f.fifo ?? false,
    maxReceiveCount: f.maxReceiveCount ?? 0,
    capacity: f.capacity ?? Infinity,
  };
}

/**
 * The state of a queue or topic node (`n.state`). A queue has one channel drained by all its
 * edges (competing consumers); a topic has one channel per edge (a subscription each, with
 * its own backlog), made when the run starts because edges are known only then.
 */
export class Broker {
  readonly channels: Channel[] = [];
  /** Per channel: the edges that drain it. */
  readonly feedsOf: Feed[][] = [];
  /** By position in the node's `out`. */
  readonly feeds: Feed[] = [];
  /** Per channel: round-robin start over its feeds. */
  private rr: number[] = [];
  /** Topic: messages published (each becomes one copy per subscription). */
  published = 0;

  constructor(
    readonly node: NodeRt,
    readonly topic: boolean,
    readonly settings: ChannelSettings,
    readonly deadLetter: string | undefined,
  ) {
    if (!topic) this.addChannel();
  }

  private addChannel(): Channel {
    const ch = new Channel(this.node, this.channels.length, this.settings);
    ch.offer = (w) => this.offer(w, ch);
    this.channels.push(ch);
    this.feedsOf.push([]);
    this.rr.push(0);
    return ch;
  }

  /** Hooks the edges out of the node to their consumers and finds the dead-letter queue. */
  start(w: World): void {
    const out = this.node.out;
    for (let k = 0; k < out.length; k++) {
      const e = w.edges[out[k]];
      const ch = this.topic ? this.addChannel() : this.channels[0];
      const port = portOf(w.nodes[e.to]);
      const f = new Feed(this.node, k, ch, e, port);
      port.feeds.push(f);
      this.feeds.push(f);
      this.feedsOf[ch.index].push(f);
    }
    if (this.deadLetter !== undefined) {
      const dlq = w.nodes.find((x) => x.id === this.deadLetter);
      const target = dlq?.state instanceof Broker && !dlq.state.topic ? dlq.state.channels[0] : null;
      for (const ch of this.channels) ch.deadLetter = target;
    }
  }

  /** Offers a channel's visible messages to its consumers, starting with the next in turn. */
  offer(w: World, ch: Channel): void {
    const feeds = this.feedsOf[ch.index];
    const nf = feeds.length;
    if (nf === 0) return;
    const start = this.rr[ch.index];
    this.rr[ch.index] = (start + 1) % nf;
    for (let i = 0; i < nf && ch.visibleCount > 0; i++) feeds[(start + i) % nf].port.pump(w);
  }

  depth(): number {
    let d = 0;
    for (const ch of this.channels) d += ch.depth;
    return d;
  }

  inFlight(): number {
    let d = 0;
    for (const ch of this.channels) d += ch.inFlight;
    return d;
  }

  oldestAgeMs(now: number): number {
    let a = 0;
    for (const ch of this.channels) a = Math.max(a, ch.oldestAgeMs(now));
    return a;
  }
}

const broker = (n: NodeRt) => n.state as Broker;

/** Live keys of a topic's subscriptions: the prefix, then the subscriber's node id. */
export const SUBSCRIPTION_DEPTH = 'depth:';
export const SUBSCRIPTION_OLDEST = 'oldestAgeMs:';

/**
 * The rules of a queue or a topic. Publishing (a request arriving) is answered as soon as the
 * message is stored; delivery to consumers is the ports' business; a delivery's result comes
 * back as the carrier's child result.
 */
export const brokerBehaviour: NodeBehaviour = {
  arrive(w, n, j) {
    const b = broker(n);
    const jobs = w.jobs;
    const client = jobs.client[j], path = jobs.path[j];
    if (!b.topic) {
      const ch = b.channels[0];
      if (!ch.publish(w.now, client, path)) {
        reject(w, j, n, FAIL_REJECTED);
        return;
      }
      respond(w, j, OK);
      b.offer(w, ch);
      return;
    }
    // A topic: one copy per subscription (an edge's probability < 1 acts as a filter policy
    // that lets through that share of messages). A full subscription drops its copy; the
    // publisher is not told, as with SNS.
    b.published++;
    const chs = b.channels;
    for (let k = 0; k < chs.length; k++) {
      const e = b.feeds[k].edge;
      if (e.probability < 1 && e.rngProbability.next() >= e.probability) continue;
      chs[k].publish(w.now, client, path);
    }
    respond(w, j, OK);
    for (let k = 0; k < chs.length; k++) if (chs[k].visibleCount > 0) b.offer(w, chs[k]);
  },

  onChildResult(w, n, c, cause) {
    const b = broker(n);
    const jobs = w.jobs;
    const f = b.feeds[jobs.cursor[c]];
    const m = jobs.aux[c], receipt = jobs.aux2[c];
    jobs.release(c);
    f.port.outstanding--;
    f.channel.result(w.now, m, receipt, cause === OK);
    f.port.pump(w);
  },

  onEvent(w, n, payload) {
    const b = broker(n);
    const ch = b.channels[payload];
    if (ch.onTimer(w)) b.offer(w, ch);
  },

  start(w, n) {
    broker(n).start(w);
  },

  resetStats(w, n) {
    const b = broker(n);
    b.published = 0;
    for (const ch of b.channels) ch.resetStats(w.now);
  },

  report(w, n) {
    const b = broker(n);
    const s = b.settings;
    const head = {
      delivery: s.atLeastOnce ? 'at-least-once' : 'at-most-once',
      ...(s.atLeastOnce ? { visibilityTimeoutMs: s.visibilityTimeoutMs } : {}),
      ...(s.atLeastOnce && s.maxReceiveCount > 0 ? { maxReceiveCount: s.maxReceiveCount } : {}),
      ...(b.deadLetter !== undefined ? { deadLetter: b.deadLetter } : {}),
    };
    if (!b.topic) return { ...head, ...round(b.channels[0].stats(w.now)) };
    const subscriptions: Record<string, ChannelStats> = {};
    const subs = b.channels.map((ch, k) => {
      const st = round(ch.stats(w.now));
      subscriptions[b.feeds[k].edge.key] = st;
      return st;
    });
    return { ...head, ...topicTotals(b.published, subs), subscriptions };
  },

  series: ['depth', 'oldestAgeMs'],

  sample(w, n, out) {
    const b = broker(n);
    out.push(b.depth(), b.oldestAgeMs(w.now));
  },

  live(w, n) {
    const b = broker(n);
    const out: Record<string, number> = { depth: b.depth(), inFlight: b.inFlight(), oldestAgeMs: Math.round(b.oldestAgeMs(w.now)) };
    // What a delivery guarantee costs, counted since the run (or warm-up) began: both counts
    // always, so an at-most-once queue beside an at-least-once one reads as the contrast it is.
    let lost = 0, redelivered = 0, deadLettered = 0;
    for (const ch of b.channels) {
      lost += ch.lost;
      redelivered += ch.redelivered;
      deadLettered += ch.deadLettered;
    }
    out.lost = lost;
    out.redelivered = redelivered;
    if (b.deadLetter !== undefined) out.deadLettered = deadLettered;
    // A topic's subscriptions each have their own backlog: one slow subscriber is not the topic.
    if (b.topic) {
      for (let k = 0; k < b.feeds.length; k++) {
        const f = b.feeds[k];
        const to = w.nodes[f.edge.to].id;
        out[`${SUBSCRIPTION_DEPTH}${to}`] = f.channel.depth;
        out[`${SUBSCRIPTION_OLDEST}${to}`] = Math.round(f.channel.oldestAgeMs(w.now));
      }
    }
    return out;
  },
};

function round(s: ChannelStats): ChannelStats {
  return {
    ...s,
    oldestAgeMs: round4(s.oldestAgeMs),
    meanDepth: round4(s.meanDepth),
    meanVisible: round4(s.meanVisible),
    meanWaitMs: round4(s.meanWaitMs),
    meanTimeInQueueMs: round4(s.meanTimeInQueueMs),
  };
}

/**
 * A topic's own line: `published` counts messages published to the topic; counts of copies
 * are summed over the subscriptions; `maxDepth`, `oldestAgeMs` and the means are those of
 * the subscription with the largest value.
 */
function topicTotals(published: number, subs: ChannelStats[]): ChannelStats {
  const sum = (k: keyof ChannelStats) => subs.reduce((a, s) => a + s[k], 0);
  const max = (k: keyof ChannelStats) => subs.reduce((a, s) => Math.max(a, s[k]), 0);
  return {
    published,
    delivered: sum('delivered'), acked: sum('acked'), lost: sum('lost'), redelivered: sum('redelivered'),
    deadLettered: sum('deadLettered'), rejected: sum('rejected'), duplicates: sum('duplicates'),
    failedDeliveries: sum('failedDeliveries'), depth: sum('depth'), visible: sum('visible'), inFlight: sum('inFlight'),
    maxDepth: max('maxDepth'), oldestAgeMs: max('oldestAgeMs'), meanDepth: sum('meanDepth'), meanVisible: sum('meanVisible'),
    meanWaitMs: max('meanWaitMs'), meanTimeInQueueMs: max('meanTimeInQueueMs'),
  };
}
