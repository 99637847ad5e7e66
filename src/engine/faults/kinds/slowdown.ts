import { z } from 'zod';
import { defineFault } from '../types';

export const slowdownFault = defineFault({
  kind: 'slowdown',
  shape: { factor: z.number().positive('factor must be > 0').max(1000).default(3).describe('Service times multiplied by this (a noisy neighbour)') },
  targets: 'node',
  words: 'slowdown',
  menu: { node: { label: 'Slow down (×3 service time)', position: 4, make: (target) => ({ kind: 'slowdown', target, factor: 3 }) } },
  describe: (f) => ` (x${f.factor})`,
  start(w, f, { node }) {
    if (!node) return;
    node.touch(w.now);
    node.slowdowns.push(f.factor);
    node.refreshServiceFactor();
  },
  stop(w, f, { node }) {
    if (!node) return;
    node.touch(w.now);
    node.slowdowns.splice(node.slowdowns.indexOf(f.factor), 1);
    node.refreshServiceFactor();
  },
});
