import { z } from 'zod';
import { INST_CRASHED, INST_GONE } from '../../runtime/codes';
import { defineFault } from '../types';

export const killInstanceFault = defineFault({
  kind: 'kill-instance',
  shape: { instance: z.number().int().min(0).optional().describe('Which instance (default: the first running one)') },
  targets: 'node',
  needsInstances: true,
  avoids: 'managed',
  misfit: 'a platform-managed node has no instances to kill (its platform replaces a failed environment): use an error fault',
  words: 'instance killed',
  menu: { node: { label: 'Kill one instance', position: 0, make: (target) => ({ kind: 'kill-instance', target }) } },
  describe: (f) => (f.instance !== undefined ? ` (instance ${f.instance})` : ''),
  start(w, f, { node }, memo, ops) {
    if (!node) return;
    const i = f.instance !== undefined && f.instance < node.instances.length ? f.instance : node.instances.findIndex((x) => x.state !== INST_CRASHED && x.state !== INST_GONE);
    if (i < 0 || node.instances[i].state === INST_CRASHED || node.instances[i].state === INST_GONE) return;
    memo.killed = [i];
    ops.crashInstance(w, node, i);
  },
  stop(w, _f, { node }, memo, ops) {
    if (node) for (const i of memo.killed) ops.restartInstance(w, node, i);
  },
});
