import { describe, expect, it } from 'vitest';
import { sharesOf, withShare } from './weights';

const split = (...w: number[]) => w.map((weight, i) => ({ service: `s${i}`, weight }));
const weights = (t: { weight: number }[]) => t.map((x) => x.weight);

describe('route weights as percentages', () => {
  it('reads relative weights as shares', () => {
    expect(sharesOf(split(3, 1))).toEqual([75, 25]);
    expect(sharesOf(split(0, 0))).toEqual([0, 0]);
  });

  it('gives the other target what is left: the strangler fig steps', () => {
    const start = split(100, 0);
    expect(weights(withShare(start, 1, 25))).toEqual([75, 25]);
    expect(weights(withShare(start, 1, 50))).toEqual([50, 50]);
    expect(weights(withShare(start, 1, 100))).toEqual([0, 100]);
    expect(weights(withShare(split(0, 100), 0, 100))).toEqual([100, 0]);
  });

  it('keeps the proportions of the others, in whole percents that add up to 100', () => {
    expect(weights(withShare(split(2, 1, 1), 0, 40))).toEqual([40, 30, 30]);
    expect(weights(withShare(split(1, 1, 1), 2, 0))).toEqual([50, 50, 0]);
    expect(weights(withShare(split(1, 0, 0), 0, 10))).toEqual([10, 45, 45]);
    const odd = weights(withShare(split(1, 1, 1, 1), 0, 1));
    expect(odd[0]).toBe(1);
    expect(odd.reduce((a, b) => a + b)).toBe(100);
  });

  it('a lone target has it all', () => {
    expect(weights(withShare(split(5), 0, 30))).toEqual([100]);
  });
});
