import { defineFault } from '../types';

export const blackholeFault = defineFault({
  kind: 'blackhole',
  shape: {},
  targets: 'node',
  slowPath: true,
  words: 'black hole',
  menu: { node: { label: 'Black hole (never answers)', position: 5, make: (target) => ({ kind: 'blackhole', target }) } },
  start(_w, _f, { node }) {
    if (node) node.blackholes = Math.max(0, node.blackholes + 1);
  },
  stop(_w, _f, { node }) {
    if (node) node.blackholes = Math.max(0, node.blackholes - 1);
  },
});
