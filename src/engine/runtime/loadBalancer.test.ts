import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng';
import { INST_CRASHED, INST_DRAINING, INST_READY, INST_STARTING } from './codes';
import { Instance } from './instance';
import { LB_CODES, LB_LEAST_OUTSTANDING, LB_P2C, LB_RANDOM, LB_ROUND_ROBIN, pickInstance, type BalancerState } from './loadBalancer';

/**
 * An instance with `busy` workers in use and `queued` requests waiting. Requests are queued
 * through whichever waiting-room API the Instance has (a `queue` ring, or push()), so the
 * test reads the load back through the stable `busy` and `qLen`.
 */
function inst(busy = 0, queued = 0, state = INST_READY): Instance {
  const x = new Instance();
  x.state = state;
  x.busy = busy;
  const room = x as unknown as { queue?: { push(v: number): void }; push?: (v: number) => void };
  for (let k = 0; k < queued; k++) {
    if (room.queue) room.queue.push(k);
    else room.push!(k);
  }
  expect(x.busy + x.qLen).toBe(busy + queued);
  return x;
}

const readyCount = (xs: Instance[]) => xs.filter((x) => x.state === INST_READY).length;

function picks(lb: number, xs: Instance[], n: number, rng: Rng = createRng(1), st: BalancerState = { rr: 0 }): number[] {
  const rc = readyCount(xs);
  return Array.from({ length: n }, () => pickInstance(lb, xs, rc, st, rng));
}

function histogram(values: number[], size: number): number[] {
  const h = new Array(size).fill(0);
  for (const v of values) h[v]++;
  return h;
}

/** Pearson chi-square of counts against equal expected shares over `cells`. */
function chi2(counts: number[], cells: number[]): number {
  const n = cells.reduce((a, i) => a + counts[i], 0);
  return cells.reduce((s, i) => s + (counts[i] - n / cells.length) ** 2 / (n / cells.length), 0);
}

describe('pickInstance', () => {
  it('knows the four policies by their scenario names', () => {
    expect(LB_CODES).toEqual({
      'round-robin': LB_ROUND_ROBIN, random: LB_RANDOM, 'least-outstanding': LB_LEAST_OUTSTANDING, 'power-of-two-choices': LB_P2C,
    });
  });

  it('round-robin cycles over the instances in order', () => {
    const xs = [inst(), inst(), inst(), inst()];
    expect(picks(LB_ROUND_ROBIN, xs, 10)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1]);
  });

  it('round-robin ignores load and skips instances that are not ready', () => {
    const xs = [inst(9, 9), inst(0, 0, INST_STARTING), inst(), inst(0, 0, INST_CRASHED), inst(0, 0, INST_DRAINING), inst(5)];
    expect(picks(LB_ROUND_ROBIN, xs, 7)).toEqual([0, 2, 5, 0, 2, 5, 0]);
  });

  it('round-robin carries on where it was when an instance becomes ready again', () => {
    const xs = [inst(), inst(0, 0, INST_STARTING), inst()];
    const st = { rr: 0 };
    expect(picks(LB_ROUND_ROBIN, xs, 3, createRng(1), st)).toEqual([0, 2, 0]);
    xs[1].state = INST_READY;
    expect(picks(LB_ROUND_ROBIN, xs, 4, createRng(1), st)).toEqual([1, 2, 0, 1]);
  });

  it('random is uniform over the ready instances (chi-square, 100k picks)', () => {
    const all = picks(LB_RANDOM, [inst(), inst(), inst(), inst()], 100_000, createRng(3));
    const h = histogram(all, 4);
    // chi2 with 3 df: 16.27 is the 99.9th percentile.
    expect(chi2(h, [0, 1, 2, 3])).toBeLessThan(16.27);

    const xs = [inst(), inst(0, 0, INST_CRASHED), inst(50), inst(), inst(0, 0, INST_STARTING)];
    const some = histogram(picks(LB_RANDOM, xs, 90_000, createRng(4)), 5);
    expect(some[1]).toBe(0);
    expect(some[4]).toBe(0);
    // chi2 with 2 df: 13.82 is the 99.9th percentile. Load does not matter to random.
    expect(chi2(some, [0, 2, 3])).toBeLessThan(13.82);
  });

  it('least-outstanding picks the instance with the fewest requests in flight (busy + queued)', () => {
    expect(picks(LB_LEAST_OUTSTANDING, [inst(3), inst(1, 1), inst(0, 1), inst(5)], 5)).toEqual([2, 2, 2, 2, 2]);
    expect(picks(LB_LEAST_OUTSTANDING, [inst(4, 0), inst(0, 3), inst(2, 2)], 3)).toEqual([1, 1, 1]);
    // The least loaded is not ready: the next least loaded among the ready ones.
    expect(picks(LB_LEAST_OUTSTANDING, [inst(3), inst(0, 0, INST_STARTING), inst(2), inst(0, 0, INST_CRASHED)], 3)).toEqual([2, 2, 2]);
  });

  it('least-outstanding spreads ties instead of always taking the first', () => {
    const got = picks(LB_LEAST_OUTSTANDING, [inst(1), inst(1), inst(1), inst(1)], 8);
    expect(new Set(got)).toEqual(new Set([0, 1, 2, 3]));
  });

  it('power-of-two-choices compares two distinct instances and takes the less loaded', () => {
    // Two ready instances: the two choices are always both, so the idle one always wins.
    expect(new Set(picks(LB_P2C, [inst(5), inst(0)], 2000, createRng(5)))).toEqual(new Set([1]));
    expect(new Set(picks(LB_P2C, [inst(0), inst(0, 0, INST_CRASHED), inst(3, 3)], 2000, createRng(6)))).toEqual(new Set([0]));
    // Loads 0 < 10 < 20: the most loaded never wins; the least loaded wins whenever it is one
    // of the two (2/3 of pairs), the middle one otherwise (1/3).
    const n = 90_000;
    const h = histogram(picks(LB_P2C, [inst(0), inst(10), inst(20)], n, createRng(7)), 3);
    expect(h[2]).toBe(0);
    expect(Math.abs(h[0] / n - 2 / 3)).toBeLessThan(0.01);
    expect(Math.abs(h[1] / n - 1 / 3)).toBeLessThan(0.01);
  });

  it('power-of-two-choices with equal loads is uniform, and with one ready instance picks it', () => {
    const n = 100_000;
    const h = histogram(picks(LB_P2C, [inst(2), inst(2), inst(2), inst(2)], n, createRng(8)), 4);
    expect(chi2(h, [0, 1, 2, 3])).toBeLessThan(16.27);
    expect(new Set(picks(LB_P2C, [inst(0, 0, INST_STARTING), inst(7), inst(0, 0, INST_CRASHED)], 100))).toEqual(new Set([1]));
  });

  it('returns -1 when no instance is ready, for every policy', () => {
    const none = [inst(0, 0, INST_STARTING), inst(0, 0, INST_CRASHED), inst(0, 0, INST_DRAINING)];
    for (const lb of [LB_ROUND_ROBIN, LB_RANDOM, LB_LEAST_OUTSTANDING, LB_P2C]) {
      expect(picks(lb, none, 3)).toEqual([-1, -1, -1]);
      expect(pickInstance(lb, [], 0, { rr: 0 }, createRng(1))).toBe(-1);
    }
  });

  it('draws nothing from the run’s RNG for round-robin and least-outstanding (so they do not shift other draws)', () => {
    let draws = 0;
    const rng: Rng = { next: () => { draws++; return 0.5; } };
    picks(LB_ROUND_ROBIN, [inst(), inst()], 10, rng);
    picks(LB_LEAST_OUTSTANDING, [inst(), inst(1)], 10, rng);
    expect(draws).toBe(0);
  });
});
