import { z } from 'zod';
import type { NodeRt } from '../../runtime/nodeRuntime';
import { defineFault } from '../types';

export const errorFault = defineFault({
  kind: 'error',
  shape: { rate: z.number().min(0, 'rate must be >= 0').max(1, 'rate must be <= 1 (a fraction)').default(1).describe('Share of requests answered 500') },
  targets: 'node',
  slowPath: true,
  words: 'errors',
  menu: { node: { label: 'Fail 50% of requests', position: 3, make: (target) => ({ kind: 'error', target, rate: 0.5 }) } },
  describe: (f) => ` (${Math.round(f.rate * 100)}% errors)`,
  start(_w, f, { node }) {
    if (!node) return;
    node.faultErrorRates.push(f.rate);
    refreshErrorRate(node);
  },
  stop(_w, f, { node }) {
    if (!node) return;
    node.faultErrorRates.splice(node.faultErrorRates.indexOf(f.rate), 1);
    refreshErrorRate(node);
  },
});

/** Independent faults: a request survives each with probability 1 - rate. */
function refreshErrorRate(node: NodeRt): void {
  node.faultErrorRate = 1 - node.faultErrorRates.reduce((pass, r) => pass * (1 - r), 1);
}
