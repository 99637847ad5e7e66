import { INST_CRASHED, INST_GONE } from '../../runtime/codes';
import { defineFault } from '../types';

export const killServiceFault = defineFault({
  kind: 'kill-service',
  shape: {},
  targets: 'node',
  avoids: 'managed',
  misfit: 'a platform-managed node has no instances to kill (its platform replaces a failed environment): use an error fault',
  words: 'service killed',
  menu: { node: { label: 'Kill the whole service', position: 1, make: (target) => ({ kind: 'kill-service', target }) } },
  start(w, _f, { node }, memo, ops) {
    if (!node) return;
    // A kind without instances that can still go down (a cache) says how.
    if (node.behaviour?.kill) {
      node.behaviour.kill(w, node, 1);
      return;
    }
    memo.killed = [];
    node.instances.forEach((x, i) => {
      if (x.state !== INST_CRASHED && x.state !== INST_GONE) memo.killed.push(i);
    });
    for (const i of memo.killed) ops.crashInstance(w, node, i);
  },
  stop(w, _f, { node }, memo, ops) {
    if (node?.behaviour?.kill) node.behaviour.kill(w, node, -1);
    else if (node) for (const i of memo.killed) ops.restartInstance(w, node, i);
  },
});
