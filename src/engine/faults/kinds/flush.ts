import { defineFault } from '../types';

/** Empties a cache (Redis FLUSHALL): an instant, so it has no end and its durationMs does not apply. */
export const flushFault = defineFault({
  kind: 'flush',
  shape: {},
  targets: 'node',
  needs: 'flushable',
  misfit: 'a flush empties a cache, and only a cache',
  instant: true,
  words: 'flushed',
  menu: { node: { label: 'Flush the cache (empty it)', position: -1, make: (target) => ({ kind: 'flush', target }) } },
  start(w, _f, { node }) {
    if (node?.behaviour?.flush) node.behaviour.flush(w, node);
  },
  stop() {},
});
