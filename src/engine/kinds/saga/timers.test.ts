import { describe, expect, it } from 'vitest';
import { JobPool } from '../../runtime/jobs';
import { SlotTimers } from './timers';

describe('SlotTimers', () => {
  it('wakes the slot it was armed for', () => {
    const jobs = new JobPool(4);
    const t = new SlotTimers();
    const j = jobs.alloc();
    const id = t.arm(jobs, j);
    expect(t.armed).toBe(1);
    expect(t.take(jobs, id)).toBe(j);
    expect(t.armed).toBe(0);
  });

  it('is stale once the slot was freed, even if the slot is reused', () => {
    const jobs = new JobPool(4);
    const t = new SlotTimers();
    const j = jobs.alloc();
    const id = t.arm(jobs, j);
    jobs.release(j);
    const k = jobs.alloc();
    expect(k).toBe(j);
    expect(t.take(jobs, id)).toBe(-1);
  });

  it('an id fires once; ids are reused and grow past the first block', () => {
    const jobs = new JobPool(4);
    const t = new SlotTimers();
    const slots = Array.from({ length: 40 }, () => jobs.alloc());
    const ids = slots.map((j) => t.arm(jobs, j));
    expect(new Set(ids).size).toBe(40);
    slots.forEach((j, k) => expect(t.take(jobs, ids[k])).toBe(j));
    expect(t.take(jobs, ids[0])).toBe(-1);
    expect(t.take(jobs, 12345)).toBe(-1);
    const again = t.arm(jobs, slots[3]);
    expect(ids).toContain(again);
    expect(t.take(jobs, again)).toBe(slots[3]);
  });
});
