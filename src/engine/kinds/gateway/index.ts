import { defineKind } from '../types';
import { buildStation } from '../station';
import { gatewaySchema } from './schema';
import { routeTable } from './routing';

export const gatewayKind = defineKind({
  kind: 'gateway',
  title: 'API gateway',
  description: 'One entry point that routes each request by its path to the service behind it.',
  schema: gatewaySchema,
  canCall: true,
  canBeCalled: true,
  example: (id) => ({ id, kind: 'gateway' as const, routes: [] }),
  build: (node, ctx) => {
    const n = buildStation({ ...node, workers: node.concurrency, parallel: false }, ctx);
    if (node.routes.length > 0) n.routes = routeTable(node.routes, ctx);
    return n;
  },
});
