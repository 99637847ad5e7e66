import { distributionSchema } from '../../core/distributions';
import { compileDistribution } from '../../core/sampler';
import { defineFault } from '../types';

export const latencyFault = defineFault({
  kind: 'latency',
  shape: { addMs: distributionSchema.describe('Delay added to each request (ms)') },
  targets: 'node-or-edge',
  slowPath: true,
  words: 'added latency',
  menu: {
    node: { label: 'Add latency (+200 ms)', position: 2, make: (target) => ({ kind: 'latency', target, addMs: 200 }) },
    edge: { label: 'Add network latency (+200 ms)', position: 0, make: (target) => ({ kind: 'latency', target, addMs: 200 }) },
  },
  start(_w, f, { node, edge }, memo) {
    memo.sampler = compileDistribution(f.addMs);
    const list = node ? node.faultLatency : edge ? edge.faultLatency : null;
    if (list) list.push(memo.sampler);
  },
  stop(_w, _f, { node, edge }, memo) {
    const list = node ? node.faultLatency : edge ? edge.faultLatency : null;
    if (!list || !memo.sampler) return;
    list.splice(list.indexOf(memo.sampler), 1);
  },
});
