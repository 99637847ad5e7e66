import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { INST_CRASHED, INST_READY } from '../runtime/codes';
import { Instance } from '../runtime/instance';
import { LB_CODES } from '../runtime/loadBalancer';
import { NodeRt } from '../runtime/nodeRuntime';
import type { World } from '../runtime/world';
import { CachedList } from './cachedList';

function setup(lb: string, states: number[], visible: number[]) {
  const n = new NodeRt(0, 'svc', 'service');
  n.rngBalancer = createRng(7);
  n.lb = LB_CODES[lb];
  for (const s of states) {
    const inst = new Instance();
    inst.state = s;
    n.instances.push(inst);
  }
  const c = new CachedList();
  c.visible = visible;
  const w = {} as World;
  const picks = (k: number) => Array.from({ length: k }, () => c.pick(w, n, 0));
  return { n, c, picks };
}

describe('CachedList', () => {
  it('nothing listed: no instance', () => {
    expect(setup('round-robin', [INST_READY], []).picks(1)).toEqual([-1]);
  });

  it('round robin cycles over the listed instances only, ready or not', () => {
    const { c, picks } = setup('round-robin', [INST_READY, INST_CRASHED, INST_READY, INST_READY], [0, 1, 2]);
    expect(picks(6)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(c.staleRouted).toBe(2);
  });

  it('round robin survives the list shrinking', () => {
    const { c, picks } = setup('round-robin', [INST_READY, INST_READY, INST_READY], [0, 1, 2]);
    picks(2);
    c.visible = [0];
    expect(picks(2)).toEqual([0, 0]);
  });

  it.each(['random', 'power-of-two-choices'])('%s picks only listed instances, all of them', (lb) => {
    const { picks } = setup(lb, [INST_READY, INST_READY, INST_READY, INST_READY], [1, 3]);
    const got = picks(400);
    expect(new Set(got)).toEqual(new Set([1, 3]));
  });

  it('least outstanding prefers the idle listed instance, even a crashed one (the black-hole effect)', () => {
    const { n, c, picks } = setup('least-outstanding', [INST_READY, INST_CRASHED, INST_READY], [0, 1, 2]);
    n.instances[0].busy = 2;
    n.instances[2].busy = 1;
    expect(picks(3)).toEqual([1, 1, 1]);
    expect(c.staleRouted).toBe(3);
  });

  it('power of two choices keeps the less loaded of two distinct listed instances', () => {
    const { n, picks } = setup('power-of-two-choices', [INST_READY, INST_READY], [0, 1]);
    n.instances[0].busy = 5;
    expect(picks(50).every((i) => i === 1)).toBe(true);
  });
});
