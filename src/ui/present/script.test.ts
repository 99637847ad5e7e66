import { describe, expect, it } from 'vitest';
import { advance, back, beatLabel, dueBeats, START, type ScriptBeat } from './script';

const beat = (caption: string, atMs?: number): ScriptBeat => ({ caption, atMs, focus: [] });
const beats = [beat('intro', 0), beat('spike', 30_000), beat('kill', 60_000), beat('heal'), beat('outro', 90_000)];

describe('moving through a script', () => {
  it('labels a timed beat with its simulated time', () => {
    expect(beatLabel(beat('spike the load x5', 30_000))).toBe('0:30 spike the load x5');
    expect(beatLabel(beat('heal'))).toBe('heal');
  });

  it('fires the beats whose time the run has reached, in order, once each', () => {
    let r = dueBeats(START, beats, 45_000);
    expect(r.fire).toEqual([0, 1]);
    expect(r.cursor).toEqual({ fired: 2, shown: 1 });
    r = dueBeats(r.cursor, beats, 50_000);
    expect(r.fire).toEqual([]);
  });

  it('holds the beats after one without a time until the arrow key moves on', () => {
    let c = dueBeats(START, beats, 80_000).cursor;
    expect(c.fired).toBe(3);
    expect(dueBeats(c, beats, 100_000).fire).toEqual([]);
    const a = advance(c, beats.length);
    expect(a.fire).toBe(3);
    c = a.cursor;
    expect(dueBeats(c, beats, 100_000).fire).toEqual([4]);
  });

  it('fires the next beat early on the arrow key, and the clock does not fire it again', () => {
    const a = advance(START, beats.length);
    expect(a.fire).toBe(0);
    const b = advance(a.cursor, beats.length);
    expect(b.fire).toBe(1);
    expect(dueBeats(b.cursor, beats, 30_000).fire).toEqual([]);
  });

  it('goes back to earlier captions without firing them again, then forward to the newest', () => {
    let c = advance(advance(START, 5).cursor, 5).cursor;
    expect(back(back(back(c)))).toEqual({ fired: 2, shown: -1 });
    c = back(c);
    expect(c).toEqual({ fired: 2, shown: 0 });
    const again = advance(c, 5);
    expect(again.fire).toBeNull();
    expect(again.cursor.shown).toBe(1);
    expect(advance(again.cursor, 5).fire).toBe(2);
  });

  it('stays on the last beat at the end of the script', () => {
    const end = { fired: 5, shown: 4 };
    expect(advance(end, 5)).toEqual({ cursor: end, fire: null });
  });
});

describe('a lesson presented as a script', () => {
  it('turns each step into a beat the arrow key brings on, with its spotlight and action', async () => {
    const { beatsOfLesson } = await import('./script');
    const steps = [{ text: 'Meet the shop', spotlight: ['gateway', 'a->b'] }, { text: 'Break payment', action: { fault: 'kill-payment' } }];
    expect(beatsOfLesson({ steps } as never)).toEqual([
      { caption: 'Meet the shop', focus: ['gateway', 'a->b'], stepAction: undefined },
      { caption: 'Break payment', focus: [], stepAction: { fault: 'kill-payment' } },
    ]);
  });
});
