import { grownF64, grownI32 } from '../core/grow';
import { J_FREE } from './jobStates';

/**
 * Requests in flight, one slot per request at one node, as columns of typed arrays (a
 * struct of arrays): the hot loop allocates nothing per request, and a freed slot is reused.
 *
 * A slot's generation changes when it is freed, so an event that still names an old
 * occupant (a timeout, say) can tell that it is stale.
 */
export class JobPool {
  capacity = 0;
  /** Node the request is at. */
  node = new Int32Array(0);
  /** Instance index within the node, -1 when none. */
  inst = new Int32Array(0);
  /** The calling request's slot, -1 for a request that a client started. */
  parent = new Int32Array(0);
  parentGen = new Int32Array(0);
  parentEpoch = new Int32Array(0);
  /** Edge the request came in on, -1 for a client's own request. */
  edge = new Int32Array(0);
  /** Client that started the whole request tree, and the path it asked for. */
  client = new Int32Array(0);
  path = new Int32Array(0);
  /** Next outgoing edge to consider (sequential calls). */
  cursor = new Int32Array(0);
  /** Calls still out (a parallel fan-out), and nothing else. */
  pending = new Int32Array(0);
  /** Where a request is in its node's fixed sequence of steps (a gateway: auth, route, done). */
  phase = new Int32Array(0);
  /** The statistics epoch the request began in, for a kind that counts only what began after warm-up (a saga). */
  statsEpoch = new Int32Array(0);
  /** Failure cause once known (0 = ok). */
  fail = new Int32Array(0);
  gen = new Int32Array(0);
  /** Bumped whenever the request stops waiting for the calls it made, which orphans them. */
  epoch = new Int32Array(0);
  /** When the request reached its node, and when its caller sent this attempt. */
  arrivedAt = new Float64Array(0);
  sentAt = new Float64Array(0);
  /** Where the request is in its life (J_* below). */
  state = new Int32Array(0);
  /** Try number of this attempt of a call (1 = first), when the logical call began, and the last backoff. */
  attempt = new Int32Array(0);
  callStartedAt = new Float64Array(0);
  prevSleep = new Float64Array(0);
  /** F_* bits below. */
  flags = new Int32Array(0);
  /** When the node answered (for wasted work of abandoned requests). */
  doneAt = new Float64Array(0);
  /** Trace span index, -1 when the request is not sampled. */
  span = new Int32Array(0);
  /** Free for a node kind's own bookkeeping (a message id, a saga step, a user id). */
  aux = new Int32Array(0);
  aux2 = new Int32Array(0);

  private free = new Int32Array(0);
  private freeTop = 0;
  private used = 0;
  /** Slots in use now. */
  live = 0;
  /** Whether the run keeps traces (then every new slot starts unsampled). */
  tracing = false;

  constructor(initial = 1024) {
    this.grow(initial);
  }

  alloc(): number {
    let j: number;
    if (this.freeTop > 0) j = this.free[--this.freeTop];
    else {
      if (this.used === this.capacity) this.grow(this.capacity * 2);
      j = this.used++;
    }
    this.live++;
    this.inst[j] = -1;
    this.cursor[j] = 0;
    this.pending[j] = 0;
    this.fail[j] = 0;
    this.flags[j] = 0;
    // Only read when the run is traced; an untraced run skips the write.
    if (this.tracing) this.span[j] = -1;
    return j;
  }

  release(j: number): void {
    this.state[j] = J_FREE;
    this.gen[j]++;
    this.epoch[j]++;
    this.free[this.freeTop++] = j;
    this.live--;
  }

  private grow(cap: number): void {
    const i32 = (a: Int32Array) => grownI32(a, cap);
    const f64 = (a: Float64Array) => grownF64(a, cap);
    this.node = i32(this.node);
    this.inst = i32(this.inst);
    this.parent = i32(this.parent);
    this.parentGen = i32(this.parentGen);
    this.parentEpoch = i32(this.parentEpoch);
    this.edge = i32(this.edge);
    this.client = i32(this.client);
    this.path = i32(this.path);
    this.cursor = i32(this.cursor);
    this.pending = i32(this.pending);
    this.phase = i32(this.phase);
    this.statsEpoch = i32(this.statsEpoch);
    this.fail = i32(this.fail);
    this.gen = i32(this.gen);
    this.epoch = i32(this.epoch);
    this.arrivedAt = f64(this.arrivedAt);
    this.sentAt = f64(this.sentAt);
    this.state = i32(this.state);
    this.attempt = i32(this.attempt);
    this.callStartedAt = f64(this.callStartedAt);
    this.prevSleep = f64(this.prevSleep);
    this.flags = i32(this.flags);
    this.doneAt = f64(this.doneAt);
    this.span = i32(this.span);
    this.aux = i32(this.aux);
    this.aux2 = i32(this.aux2);
    this.free = i32(this.free);
    this.capacity = cap;
  }
}
