import { compileDistribution } from '../../core/sampler';
import type { NodeRt } from '../../runtime/nodeRuntime';
import { pathTable } from '../gateway/routing';
import type { BuildContext } from '../types';
import type { ServiceNode } from './schema';

/**
 * A service that serves several routes (a monolith): each path's longest matching operation
 * decides the request's own work and its calls. A path no operation matches is a 404.
 */
export function setOperations(n: NodeRt, ops: NonNullable<ServiceNode['operations']>, ctx: BuildContext): void {
  n.opOf = pathTable(ops.map((o) => ({ prefix: o.path })), ctx.pathIds);
  n.opService = ops.map((o) => compileDistribution(o.serviceTimeMs));
  n.opOut = ops.map((o) => Int32Array.from(o.calls, (to) => ctx.edgeTo(to)));
}
