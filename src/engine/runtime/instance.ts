import { INST_READY } from './codes';
import { IntRing } from './ring';

/**
 * One running copy of a service: its workers in use and its FIFO waiting room (request
 * slots, growing on demand up to the node's queueCapacity).
 */
export class Instance {
  state = INST_READY;
  busy = 0;
  /** Workers of this instance (instances of one service differ during a rolling resize). */
  workers = 1;
  /** Service-time factor of this instance's size by its busy workers (null: 1 at every load). */
  sizeFactors: Float64Array | null = null;
  readonly queue = new IntRing();
  /** Simulated time at which the instance was created or last restarted. */
  since = 0;
  /** When a starting instance becomes ready; a ready event for another time is stale. */
  readyAtMs = 0;

  get qLen(): number {
    return this.queue.length;
  }

  get outstanding(): number {
    return this.busy + this.queue.length;
  }
}
