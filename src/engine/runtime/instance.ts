import { INST_READY } from './codes';

/**
 * One running copy of a service: its workers in use and its FIFO waiting room (a ring
 * buffer of request slots that grows on demand up to the node's queueCapacity).
 */
export class Instance {
  state = INST_READY;
  busy = 0;
  qHead = 0;
  qLen = 0;
  q = new Int32Array(16);
  /** Simulated time at which the instance was created or last restarted. */
  since = 0;
  /** Bumped when the instance crashes or restarts, so its pending events go stale. */
  incarnation = 0;

  get outstanding(): number {
    return this.busy + this.qLen;
  }

  push(j: number): void {
    if (this.qLen === this.q.length) {
      const bigger = new Int32Array(this.q.length * 2);
      for (let i = 0; i < this.qLen; i++) bigger[i] = this.q[(this.qHead + i) & (this.q.length - 1)];
      this.q = bigger;
      this.qHead = 0;
    }
    this.q[(this.qHead + this.qLen) & (this.q.length - 1)] = j;
    this.qLen++;
  }

  shift(): number {
    const j = this.q[this.qHead];
    this.qHead = (this.qHead + 1) & (this.q.length - 1);
    this.qLen--;
    return j;
  }
}
