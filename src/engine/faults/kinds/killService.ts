import { INST_CRASHED, INST_GONE } from '../../runtime/codes';
import { defineFault } from '../types';

export const killServiceFault = defineFault({
  kind: 'kill-service',
  shape: {},
  targets: 'node',
  words: 'service killed',
  menu: { node: { label: 'Kill the whole service', position: 1, make: (target) => ({ kind: 'kill-service', target }) } },
  start(w, _f, { node }, memo, ops) {
    if (!node) return;
    memo.killed = [];
    node.instances.forEach((x, i) => {
      if (x.state !== INST_CRASHED && x.state !== INST_GONE) memo.killed.push(i);
    });
    for (const i of memo.killed) ops.crashInstance(w, node, i);
  },
  stop(w, _f, { node }, memo, ops) {
    if (node) for (const i of memo.killed) ops.restartInstance(w, node, i);
  },
});
