import { compileDistribution } from '../../core/sampler';
import { ClientRt, NodeRt } from '../../runtime/nodeRuntime';
import { defineKind } from '../types';
import { RateProfile } from './rateProfile';
import { clientSchema } from './schema';

export const clientKind = defineKind({
  kind: 'client',
  title: 'Clients',
  description: 'People or programs sending requests: a rate (open loop) or a number of users who wait and think (closed loop).',
  schema: clientSchema,
  canCall: true,
  canBeCalled: false,
  example: (id) => ({ id, kind: 'client' as const, load: { rps: 50, arrival: 'poisson' as const } }),
  build: (node, ctx) => {
    const n = new NodeRt(ctx.index, node.id, node.kind);
    const c = new ClientRt();
    if ('rps' in node.load) {
      c.open = true;
      c.poisson = node.load.arrival === 'poisson';
      c.profile = new RateProfile(node.load);
    } else {
      c.open = false;
      c.users = node.load.users;
      c.think = compileDistribution(node.load.thinkTimeMs);
    }
    let sum = 0;
    c.pathCum = Float64Array.from(node.paths, (p) => (sum += p.weight));
    c.pathIds = Int32Array.from(node.paths, (p) => ctx.pathIds.get(p.path)!);
    n.client = c;
    return n;
  },
});
