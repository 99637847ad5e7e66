import { compileDistribution } from '../../core/sampler';
import { EV_CLIENT_RATE } from '../../runtime/codes';
import { ClientRt, NodeRt } from '../../runtime/nodeRuntime';
import { defineKind } from '../types';
import { RateProfile } from './rateProfile';
import { clientSchema, type ClientNode } from './schema';

type Load = ClientNode['load'];

/** A client's own live changes: its base rate, and a burst of extra load for a while. */
export type ClientChange =
  | { type: 'setRps'; node: string; rps: number }
  | { type: 'spike'; node: string; multiplier: number; durationMs: number };

export const clientKind = defineKind<typeof clientSchema, ClientChange>({
  kind: 'client',
  title: 'Clients',
  description: 'People or programs sending requests: a rate (open loop) or a number of users who wait and think (closed loop).',
  schema: clientSchema,
  canCall: true,
  canBeCalled: false,
  capabilities: { source: true },
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
  liveFields: {
    // Only an open loop's base rate changes live; anything else about the load restarts.
    load: (node, v: Load, before: Load) => {
      const rest = (l: Load) => ({ ...l, rps: 0 });
      const same = JSON.stringify(rest(before)) === JSON.stringify(rest(v));
      return 'rps' in before && 'rps' in v && same ? { type: 'setRps', node, rps: v.rps } : null;
    },
  },
  changes: {
    setRps: (w, n, change) => {
      openProfile(n).baseOverride = Math.max(0, change.rps);
      w.q.push(w.now, EV_CLIENT_RATE, n.index, 0);
    },
    spike: (w, n, change) => {
      const profile = openProfile(n);
      profile.liveSpikeUntilMs = w.now + change.durationMs;
      profile.liveSpikeMultiplier = change.multiplier;
      w.q.push(w.now, EV_CLIENT_RATE, n.index, 0);
    },
  },
  crossCheck(n, i, ctx) {
    if (n.paths.reduce((a, p) => a + p.weight, 0) <= 0) ctx.problems.push({ path: `nodes[${i}].paths`, message: 'the path weights add up to 0' });
    if (!ctx.scenario.edges.some((e) => e.from === n.id)) ctx.warnings.push(`client "${n.id}" calls nothing: connect it to a gateway or service`);
  },
});

function openProfile(n: NodeRt): RateProfile {
  if (!n.client?.profile) throw new Error(`"${n.id}" is not an open-loop client`);
  return n.client.profile;
}
