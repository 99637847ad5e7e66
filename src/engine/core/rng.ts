/**
 * The run's one source of randomness: xoshiro128** (Blackman & Vigna), seeded through
 * splitmix32 so that nearby seeds give unrelated streams. 32-bit integer arithmetic only,
 * so it gives the same numbers in every JavaScript engine.
 *
 * Every consumer draws from the same generator in event order, which is deterministic, so
 * the same scenario and seed give the same run.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
}

export class Xoshiro128 implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = (Math.floor(seed) | 0) >>> 0;
    const splitmix = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = splitmix();
    this.s1 = splitmix();
    this.s2 = splitmix();
    this.s3 = splitmix();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A uint32. */
  nextUint32(): number {
    const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = (n3 << 11) | (n3 >>> 21);
    return result;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }
}

export function createRng(seed: number): Xoshiro128 {
  return new Xoshiro128(seed);
}
