/**
 * The run's randomness: xoshiro128** (Blackman & Vigna), seeded through splitmix32 so that
 * nearby seeds give unrelated streams. 32-bit integer arithmetic only, so it gives the same
 * numbers in every JavaScript engine.
 *
 * A run has many generators, one per thing that draws (see {@link streamFor}), so that a
 * change to one part of a scenario leaves the random numbers of every other part alone.
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

  /** `key` (non-zero) picks one of the seed's many streams; see {@link streamFor}. */
  constructor(seed: number, key = 0) {
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
    if (key !== 0) {
      // A second splitmix walk from the key, with other constants than the seed's so that
      // (seed a, key b) and (seed b, key a) stay apart, folded into every word of the state.
      let y = key >>> 0;
      const keyMix = (): number => {
        y = (y + 0x632be5ab) | 0;
        let z = y;
        z = Math.imul(z ^ (z >>> 15), 0x2c1b3c6d);
        z = Math.imul(z ^ (z >>> 12), 0x297a2d39);
        return (z ^ (z >>> 15)) >>> 0;
      };
      this.s0 ^= keyMix();
      this.s1 ^= keyMix();
      this.s2 ^= keyMix();
      this.s3 ^= keyMix();
    }
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

/** FNV-1a over the string's UTF-16 code units: a stable 32-bit name for a stream. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The run's stream named `name` (`client:users:arrivals`, `node:api:service`, ...): a
 * generator of its own, fixed by the seed and the name alone. Two runs with the same seed
 * give a node the same service times and a client the same arrivals whatever else differs
 * between them (common random numbers), so a difference between the runs is the change and
 * not noise. Made once at build time; drawing from it allocates nothing.
 */
export function streamFor(seed: number, name: string): Xoshiro128 {
  // A name whose hash is 0 would be the seed's plain stream; FNV-1a gives 0 for almost nothing.
  return new Xoshiro128(seed, hashName(name) || 1);
}
