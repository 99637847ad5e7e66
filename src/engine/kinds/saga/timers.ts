import { grownI32 } from '../../core/grow';
import type { JobPool } from '../../runtime/jobs';

/**
 * Timers that wake a request slot, made stale-safe.
 *
 * An EV_KIND event carries one int32 payload, but a wake-up must name both the slot and the
 * slot's generation (a slot is reused once freed, and an old timer must not wake its next
 * occupant). Packing both into 32 bits would cap one of them, so the payload is instead an
 * index into this side table, which holds (slot, generation). Each armed index has exactly
 * one event on the agenda and is freed when that event fires, so an index is never named by
 * two pending events; the generation check then catches a slot freed in the meantime.
 * Storage grows to the high-water mark of armed timers and is reused: nothing is allocated
 * per timer.
 */
export class SlotTimers {
  private slot = new Int32Array(16);
  private gen = new Int32Array(16);
  private free = new Int32Array(16);
  private freeTop = 0;
  private used = 0;
  /** Timers armed and not yet fired. */
  armed = 0;

  /** Remembers slot j as it is now; returns the payload for its EV_KIND event. */
  arm(jobs: JobPool, j: number): number {
    let id: number;
    if (this.freeTop > 0) id = this.free[--this.freeTop];
    else {
      if (this.used === this.slot.length) this.grow(this.used * 2);
      id = this.used++;
    }
    this.slot[id] = j;
    this.gen[id] = jobs.gen[j];
    this.armed++;
    return id;
  }

  /**
   * The timer `id` fired: frees it and returns its slot, or -1 when the slot has been freed
   * (and perhaps reused) since the timer was armed, or the id is not armed.
   */
  take(jobs: JobPool, id: number): number {
    if (id < 0 || id >= this.used || this.slot[id] < 0) return -1;
    const j = this.slot[id];
    const g = this.gen[id];
    this.slot[id] = -1;
    this.free[this.freeTop++] = id;
    this.armed--;
    return jobs.gen[j] === g ? j : -1;
  }

  private grow(cap: number): void {
    this.slot = grownI32(this.slot, cap);
    this.gen = grownI32(this.gen, cap);
    this.free = grownI32(this.free, cap);
  }
}
