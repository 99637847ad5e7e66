import { defineFault } from '../types';

export const partitionFault = defineFault({
  kind: 'partition',
  shape: {},
  targets: 'edge',
  words: 'partition',
  menu: { edge: { label: 'Partition (cut this link)', position: 1, make: (target) => ({ kind: 'partition', target }) } },
  start(_w, _f, { edge }) {
    if (edge) edge.partitions = Math.max(0, edge.partitions + 1);
  },
  stop(_w, _f, { edge }) {
    if (edge) edge.partitions = Math.max(0, edge.partitions - 1);
  },
});
