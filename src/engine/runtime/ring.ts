/** A FIFO of request slots: a ring buffer that doubles when full. */
export class IntRing {
  head = 0;
  length = 0;
  buf = new Int32Array(16);

  push(v: number): void {
    if (this.length === this.buf.length) {
      const bigger = new Int32Array(this.buf.length * 2);
      for (let i = 0; i < this.length; i++) bigger[i] = this.buf[(this.head + i) & (this.buf.length - 1)];
      this.buf = bigger;
      this.head = 0;
    }
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = v;
    this.length++;
  }

  shift(): number {
    const v = this.buf[this.head];
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return v;
  }

  /** Takes the first `v` out of the ring, keeping the others in order; false when absent. O(length). */
  remove(v: number): boolean {
    const mask = this.buf.length - 1;
    let i = 0;
    while (i < this.length && this.buf[(this.head + i) & mask] !== v) i++;
    if (i === this.length) return false;
    for (; i < this.length - 1; i++) this.buf[(this.head + i) & mask] = this.buf[(this.head + i + 1) & mask];
    this.length--;
    return true;
  }

  clear(): void {
    this.head = 0;
    this.length = 0;
  }
}
