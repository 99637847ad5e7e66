import { describeDistribution } from '../../core/distributions';
import type { KindDeploy } from '../deploy';
import type { ServiceNode } from './schema';

/** A station's pool and waiting room, the sentence a service and a gateway share. */
export const stationLine = (n: { concurrency: number; queueCapacity: number }): string =>
  `Each instance serves ${n.concurrency} requests at once (its worker or thread pool) and queues ${n.queueCapacity} more (its accept queue); beyond that it answers 503.`;

/** A service is the team's own code: the export writes a placeholder image for it. */
export const serviceDeploy: KindDeploy<ServiceNode> = {
  runtime: () => 'app',
  settings: (n) => ({ replicas: n.instances, startupMs: n.startupMs, loadBalancer: n.loadBalancer }),
  notes(n) {
    const out = [stationLine(n)];
    if (n.operations?.length) out.push(`Operations: ${n.operations.map((o) => `${o.path} (${describeDistribution(o.serviceTimeMs)}${o.calls.length ? `, calls ${o.calls.join(', ')}` : ''})`).join('; ')}.`);
    if (n.callOrder === 'parallel') out.push('Calls its dependencies in parallel (fan-out).');
    if (n.sessions === 'sticky') out.push('Sticky sessions: each user is pinned to one instance, and loses the session when it goes.');
    if (n.sessions === 'store') out.push(`Sessions live in ${n.sessionStore ?? 'a session store'}.`);
    return out;
  },
};
