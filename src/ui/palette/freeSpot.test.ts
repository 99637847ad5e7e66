import { describe, expect, it } from 'vitest';
import { freeSpot } from './freeSpot';

describe('freeSpot', () => {
  it('keeps a free point', () => {
    expect(freeSpot([{ x: 0, y: 0 }], { x: 500, y: 500 })).toEqual({ x: 500, y: 500 });
  });

  it('moves off a node by the nearest node-sized step, and off its neighbours too', () => {
    const one = freeSpot([{ x: 0, y: 0 }], { x: 10, y: 10 });
    expect(one).toEqual({ x: 10, y: 120 });
    const crowded = [{ x: 0, y: 0 }, { x: 0, y: 110 }, { x: 0, y: -110 }];
    const q = freeSpot(crowded, { x: 10, y: 10 });
    expect(crowded.every((t) => Math.abs(t.x - q.x) >= 210 || Math.abs(t.y - q.y) >= 110)).toBe(true);
  });
});
