import { call } from '../calls/pipeline';
import type { EdgeRt } from '../calls/edgeRuntime';
import { J_CALLING } from '../runtime/jobStates';
import type { NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';
import type { Channel } from './channel';

/**
 * One edge out of a queue or topic: the channel it drains and the consumer behind it.
 * `k` is the edge's position in the owner's `out`, kept in each delivery's carrier.
 */
export class Feed {
  constructor(
    readonly owner: NodeRt,
    readonly k: number,
    readonly channel: Channel,
    readonly edge: EdgeRt,
    readonly port: ConsumerPort,
  ) {}
}

/**
 * The consumer side of a node that messages are delivered to, shared by every queue and
 * topic that feeds it.
 *
 * A station consumer *pulls*: each of its workers takes one message when it is idle (a worker
 * that is on a message holds it until the consumer answers). Its free slots are its ready
 * workers minus what it holds: messages on their way or being worked on (`outstanding`) or,
 * if more, all requests it has (`busy + queued`, which also counts direct callers' requests
 * and work on deliveries whose call already gave up). The engine tells the port when a worker
 * frees up or an instance becomes ready (`capacityListeners`), and the port pulls then.
 *
 * Any other consumer (a queue or topic behind a topic) takes a message as a publish, which
 * needs no worker: everything visible is pushed to it at once.
 */
export class ConsumerPort {
  outstanding = 0;
  readonly feeds: Feed[] = [];
  /** Round-robin position over the feeds, so that two queues feeding one consumer share it fairly. */
  private rr = 0;
  private pumping = false;
  private again = false;

  constructor(
    readonly node: NodeRt,
    readonly pull: boolean,
  ) {}

  free(): number {
    if (!this.pull) return Infinity;
    const n = this.node;
    return n.capacity - Math.max(this.outstanding, n.busy + n.queued);
  }

  /**
   * Delivers messages while the consumer has room and some feed has a visible one. Calls can
   * answer within the same event (zero-latency edges, a consumer that refuses at once), which
   * re-enters here: the inner call just asks the running loop to look again.
   */
  pump(w: World): void {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    const feeds = this.feeds;
    const nf = feeds.length;
    do {
      this.again = false;
      while (this.free() > 0) {
        let f: Feed | null = null;
        for (let i = 0; i < nf; i++) {
          const c = feeds[(this.rr + i) % nf];
          if (c.channel.visibleCount > 0) {
            f = c;
            this.rr = (this.rr + i + 1) % nf;
            break;
          }
        }
        if (f === null) break;
        deliver(w, f);
      }
    } while (this.again);
    this.pumping = false;
  }
}

/**
 * Sends one message of the feed's channel to its consumer: a *carrier* request at the queue
 * node (aux = message slot, aux2 = receipt, cursor = feed position) makes an ordinary call
 * over the edge, with the edge's latency, timeout, retry and breaker. The carrier's result
 * comes back through the owner's onChildResult.
 */
function deliver(w: World, f: Feed): void {
  const ch = f.channel;
  const m = ch.take(w);
  if (m < 0) return;
  const jobs = w.jobs;
  const c = jobs.alloc();
  jobs.node[c] = f.owner.index;
  jobs.parent[c] = -1;
  jobs.edge[c] = -1;
  jobs.state[c] = J_CALLING;
  jobs.client[c] = ch.clientOf(m);
  jobs.path[c] = ch.pathOf(m);
  jobs.arrivedAt[c] = w.now;
  jobs.cursor[c] = f.k;
  jobs.aux[c] = m;
  jobs.aux2[c] = ch.receiptOf(m);
  f.port.outstanding++;
  call(w, c, f.edge);
}

const ports = new WeakMap<NodeRt, ConsumerPort>();

/** The consumer port of a node, made (and hooked to its capacity changes) on first use. */
export function portOf(consumer: NodeRt): ConsumerPort {
  let p = ports.get(consumer);
  if (p === undefined) {
    const port = new ConsumerPort(consumer, consumer.behaviour === null && consumer.client === null);
    if (port.pull) {
      // One listener per consumer, made once: the engine calls it on every freed worker.
      (consumer.capacityListeners ??= []).push((w) => port.pump(w));
    }
    ports.set(consumer, port);
    p = port;
  }
  return p;
}
